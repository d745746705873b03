// A local, in-memory Jumpseller: the /v1 API, the OAuth server (accounts.jumpseller.com) and a control API,
// on one node:http server. Start it in a test with `startJumpsellerSimulator()`, or alone with
// `npm run sim:jumpseller`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createApiRoutes } from "./api-routes";
import { createControl, type Faults, type JumpsellerSimulatorControl, type RequestLogEntry } from "./control";
import { createControlRoutes } from "./control-http";
import { closeServer, listen, readBody } from "../shared/http";
import { json, matchRoute, parseBody, send, type SimResponse } from "./http-util";
import { createOAuthServer } from "./oauth-server";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit";
import { createClock, createStoreState, randomToken, type Locale } from "./state";
import { createWebhookDispatcher, defaultRetryDelaysMs } from "./webhooks";

export interface JumpsellerSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  storeCode?: string;
  storeName?: string;
  /** Private API credentials (HTTP Basic). */
  login?: string;
  authtoken?: string;
  /** Signs hook deliveries. */
  hooksToken?: string;
  clientId?: string;
  clientSecret?: string;
  /** When set, only these OAuth redirect URIs are accepted. */
  redirectUris?: string[];
  tokenTtlSeconds?: number;
  /** false turns limits off. */
  rateLimit?: RateLimitOptions | false;
  /** Language of status names (default "pt"). */
  locale?: Locale;
  currency?: string;
  storeInfoShape?: "wrapped" | "flat";
  webhookTimeoutMs?: number;
  /** Delays before each retry of a failed delivery; default 1, 16, 81, 256 minutes. */
  webhookRetryDelaysMs?: number[];
}

export interface JumpsellerSimulator {
  /** API base, e.g. http://127.0.0.1:4520/v1 (JUMPSELLER_API_URL). */
  url: string;
  /** OAuth base, e.g. http://127.0.0.1:4520 (JUMPSELLER_AUTH_URL). */
  authUrl: string;
  control: JumpsellerSimulatorControl;
  close(): Promise<void>;
}

export async function startJumpsellerSimulator(options: JumpsellerSimulatorOptions = {}): Promise<JumpsellerSimulator> {
  const clock = createClock();
  const state = createStoreState({
    code: options.storeCode ?? "ponte-demo",
    name: options.storeName ?? "Loja Demo Ponte",
    currency: options.currency ?? "EUR",
    country: "PT",
    timezone: "Europe/Lisbon",
    email: "loja@example.com",
    hooksToken: options.hooksToken ?? randomToken(16),
    locale: options.locale ?? "pt",
    infoShape: options.storeInfoShape ?? "wrapped",
  });
  const credentials = {
    login: options.login ?? "demo-login",
    authtoken: options.authtoken ?? randomToken(16),
    clientId: options.clientId ?? "ponte-client-id",
    clientSecret: options.clientSecret ?? randomToken(24),
  };
  const hooks = createWebhookDispatcher(state, clock, {
    timeoutMs: options.webhookTimeoutMs ?? 15_000,
    retryDelaysMs: options.webhookRetryDelaysMs ?? defaultRetryDelaysMs,
  });
  const oauth = createOAuthServer(state, clock, {
    ...credentials,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    redirectUris: options.redirectUris,
  });
  const limiter = createRateLimiter(clock, options.rateLimit ?? {});
  const faults: Faults = { failNext: 0, failStatus: 500, failBody: null, latencyMs: 0 };
  const requestLog: RequestLogEntry[] = [];
  const control = createControl({ state, clock, hooks, oauth, faults, requestLog, credentials });
  const apiRoutes = createApiRoutes(state, clock);
  const controlRoutes = createControlRoutes(control);
  const latencyTimers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        latencyTimers.delete(timer);
        resolve();
      }, ms);
      latencyTimers.add(timer);
    });

  async function handleApi(
    req: IncomingMessage,
    path: string,
    query: URLSearchParams,
    body: unknown,
    rawBody: string,
  ): Promise<SimResponse> {
    const limit = limiter.check();
    const withLimits = (r: SimResponse): SimResponse => ({ ...r, headers: { ...r.headers, ...limit.headers } });
    if (!limit.allowed) return withLimits(json(limit.status, { message: "Too Many Requests" }));
    if (faults.latencyMs > 0) await wait(faults.latencyMs);
    if (faults.failNext > 0) {
      faults.failNext -= 1;
      return withLimits(json(faults.failStatus, faults.failBody));
    }
    const auth = oauth.authenticate(req, query);
    if (!auth.ok) return withLimits(auth.response);
    const match = matchRoute(apiRoutes, req.method ?? "GET", path);
    if (!match) return withLimits(json(404, { message: "Not Found" }));
    if (auth.scopes !== "all" && !auth.scopes.has(match.route.scope)) {
      return withLimits(
        json(403, {
          error: "insufficient_scope",
          error_description: `This action needs the ${match.route.scope} scope`,
        }),
      );
    }
    return withLimits(await match.route.handle({ params: match.params, query, body, rawBody, req }));
  }

  function authKind(req: IncomingMessage, query: URLSearchParams): RequestLogEntry["auth"] {
    const header = req.headers.authorization ?? "";
    if (/^Bearer /i.test(header)) return "bearer";
    if (/^Basic /i.test(header)) return "basic";
    return query.has("authtoken") ? "query" : "none";
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator");
    const method = req.method ?? "GET";
    let rawBody = "";
    try {
      rawBody = await readBody(req, 1_000_000);
    } catch {
      return send(res, json(413, { message: "Request body too large" }));
    }
    const body = parseBody(req, rawBody);
    const ctx = { query: url.searchParams, body, rawBody, req };

    if (url.pathname.startsWith("/v1/")) {
      const path = url.pathname.slice(3);
      const response = await handleApi(req, path, url.searchParams, body, rawBody);
      requestLog.push({
        method,
        path: path + url.search,
        status: response.status,
        auth: authKind(req, url.searchParams),
      });
      return send(res, response);
    }
    const match = matchRoute(
      url.pathname.startsWith("/__control/") ? controlRoutes : oauth.routes,
      method,
      url.pathname,
    );
    if (!match) return send(res, json(404, { message: "Not Found" }));
    return send(res, await match.route.handle({ ...ctx, params: match.params }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, json(500, { message: String((error as Error)?.message ?? error) })),
    );
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  const authUrl = `http://${host}:${port}`;

  return {
    url: `${authUrl}/v1`,
    authUrl,
    control,
    async close() {
      hooks.close();
      for (const timer of latencyTimers) clearTimeout(timer);
      latencyTimers.clear();
      await closeServer(server);
    },
  };
}
