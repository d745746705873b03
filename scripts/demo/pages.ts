// The dashboard's pages as a signed-in user reaches them, for the demo (which opens each once before saying
// it is ready, so that no first click waits for a route to load) and for the demo's page benchmark.

/** Signs in through the app's own sign-in endpoint; returns the Cookie header of the session. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  keep(signIn);
  if (![...jar.keys()].some((name) => name.endsWith("session-token"))) {
    throw new Error(`Signing in as ${email} failed (HTTP ${signIn.status})`);
  }
  return header();
}

/** Every page of the dashboard for one order and one store (ids as the lists show them). */
export function dashboardPaths(ids: { order: string | null; store: string | null }): string[] {
  const { order, store } = ids;
  return [
    "/",
    "/orders",
    ...(order ? [order] : []),
    "/jobs",
    "/jobs?status=failed",
    "/stores",
    ...(store ? [store, store.replace(/^\/stores\//, "/stores/connect/")] : []),
    "/stores/connect",
    "/month-close",
    "/audit",
    "/settings",
  ];
}

/** Every page of the dashboard, with real ids read from the lists (the first order and store). */
export async function dashboardPages(baseUrl: string, cookie: string): Promise<string[]> {
  const html = async (path: string) => (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const firstLink = (page: string, prefix: string) =>
    new RegExp(`href="(${prefix}/(?!connect)[A-Za-z0-9_-]+)"`).exec(page)?.[1] ?? null;
  const [orders, stores] = await Promise.all([html("/orders"), html("/stores")]);
  return dashboardPaths({ order: firstLink(orders, "/orders"), store: firstLink(stores, "/stores") });
}

/** Fetches a page to its last byte; the time it took, in milliseconds. */
export async function timePage(baseUrl: string, path: string, cookie: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}
