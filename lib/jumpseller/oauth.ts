// Jumpseller OAuth2 (authorization code only). Access tokens last one hour and refresh tokens rotate: every
// refresh returns a new refresh token and the old one stops working, so the newest must always be stored.
import { z } from "zod";
import { ServiceError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { jumpsellerScope } from "./constants";
import { errorText, networkError, toServiceError } from "./http-errors";

export { createOAuthState, verifyOAuthState, type OAuthStateResult } from "./oauth-state";
export { jumpsellerScope, jumpsellerScopes } from "./constants";

export interface JumpsellerTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  scope: string | null;
}

export interface TokenRequestOptions {
  /** Defaults to JUMPSELLER_AUTH_URL, then https://accounts.jumpseller.com. */
  authUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

const authUrlOf = (authUrl?: string) => (authUrl ?? getEnv().JUMPSELLER_AUTH_URL).replace(/\/+$/, "");

export function buildAuthorizeUrl(opts: {
  clientId: string;
  redirectUri: string;
  scopes?: string | readonly string[];
  state: string;
  authUrl?: string;
}): string {
  const url = new URL(`${authUrlOf(opts.authUrl)}/oauth/authorize`);
  const scopes = opts.scopes ?? jumpsellerScope;
  url.searchParams.set("client_id", opts.clientId);
  url.searchParams.set("redirect_uri", opts.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", typeof scopes === "string" ? scopes : scopes.join(" "));
  url.searchParams.set("state", opts.state);
  return url.toString();
}

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().positive().default(3600),
  token_type: z.string().optional(),
  scope: z.string().nullish(),
});

// Refused grants mean the merchant must connect the store again; the rest follows the API's rules.
const reauthorizeErrors = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "invalid_scope"]);

async function requestTokens(params: Record<string, string>, opts: TokenRequestOptions): Promise<JumpsellerTokens> {
  const what = `token request (${params.grant_type})`;
  const now = opts.now ?? (() => new Date());
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const startedAt = now();
  let response: Response;
  let bodyText: string;
  try {
    response = await (opts.fetch ?? globalThis.fetch)(`${authUrlOf(opts.authUrl)}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams(params).toString(),
      signal: controller.signal,
    });
    bodyText = await response.text();
  } catch (error) {
    throw networkError(what, error, timedOut ? timeoutMs : undefined);
  } finally {
    clearTimeout(timer);
  }

  if (!response.ok) {
    let code: string | undefined;
    try {
      const body = JSON.parse(bodyText) as { error?: unknown };
      if (typeof body.error === "string") code = body.error;
    } catch {
      // Not JSON.
    }
    if ((response.status === 400 || response.status === 401) && code && reauthorizeErrors.has(code)) {
      const detail = errorText(bodyText) ?? code;
      throw new ServiceError({
        service: "jumpseller",
        kind: "auth",
        code,
        status: response.status,
        message: `Jumpseller ${what} refused: ${detail}`,
      });
    }
    throw toServiceError({ status: response.status, headers: response.headers, bodyText, what, now: now() });
  }

  let parsed;
  try {
    parsed = tokenResponseSchema.safeParse(JSON.parse(bodyText));
  } catch (error) {
    throw new ServiceError({
      service: "jumpseller",
      kind: "transient",
      message: `Jumpseller ${what} answered with invalid JSON`,
      cause: error,
    });
  }
  if (!parsed.success) {
    throw new ServiceError({
      service: "jumpseller",
      kind: "validation",
      code: "unexpected_response",
      message: `Jumpseller ${what} answered without the expected tokens: ${z.prettifyError(parsed.error)}`,
    });
  }
  const body = parsed.data;
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    // Counted from when the request started, so clock skew or a slow answer errs on the early side.
    expiresAt: new Date(startedAt.getTime() + body.expires_in * 1000),
    scope: body.scope ?? null,
  };
}

export function exchangeCode(
  input: { code: string; clientId: string; clientSecret: string; redirectUri: string } & TokenRequestOptions,
): Promise<JumpsellerTokens> {
  return requestTokens(
    {
      grant_type: "authorization_code",
      client_id: input.clientId,
      client_secret: input.clientSecret,
      code: input.code,
      redirect_uri: input.redirectUri,
    },
    input,
  );
}

/** Persist the result at once: the refresh token passed in is no longer valid after this call succeeds. */
export function refreshTokens(
  input: { refreshToken: string; clientId: string; clientSecret: string } & TokenRequestOptions,
): Promise<JumpsellerTokens> {
  return requestTokens(
    {
      grant_type: "refresh_token",
      client_id: input.clientId,
      client_secret: input.clientSecret,
      refresh_token: input.refreshToken,
    },
    input,
  );
}

export { ensureFreshAccessToken } from "./token-manager";
