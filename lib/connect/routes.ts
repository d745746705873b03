// Where the two OAuth routes send the browser. Kept apart from the Next handlers so that the whole
// install can be walked in a test without a running server.
import type { SessionUser } from "@/lib/access";
import { completeJumpsellerInstall, startJumpsellerInstall } from "./install";

export const connectPagePath = "/stores/connect";
export const callbackPath = "/api/jumpseller/oauth/callback";

const loginThenBackTo = (path: string) => `/login?callbackUrl=${encodeURIComponent(path)}`;
const connectError = (code: string, storeId?: string) =>
  `${storeId ? `${connectPagePath}/${encodeURIComponent(storeId)}` : connectPagePath}?error=${encodeURIComponent(code)}`;

/** A Jumpseller address (absolute) or a path of this site. */
export function installStartRedirect(user: SessionUser | null): string {
  if (!user) return loginThenBackTo(connectPagePath);
  const started = startJumpsellerInstall(user);
  return "url" in started ? started.url : connectError(started.error);
}

/** The callback's destination: the new store's setup page, or the connect page with an error code. */
export async function installCallbackRedirect(user: SessionUser | null, params: URLSearchParams): Promise<string> {
  // Signed out (session expired while on Jumpseller): sign in and come straight back; the state stays valid.
  if (!user) return loginThenBackTo(`${callbackPath}?${params.toString()}`);
  // The merchant clicked Deny, or Jumpseller refused the request itself.
  const denied = params.get("error");
  if (denied) return connectError(denied === "access_denied" ? "access_denied" : "code_refused");
  const result = await completeJumpsellerInstall({ user, code: params.get("code"), state: params.get("state") });
  if ("error" in result) return connectError(result.error, result.storeId);
  return `${connectPagePath}/${encodeURIComponent(result.storeId)}`;
}
