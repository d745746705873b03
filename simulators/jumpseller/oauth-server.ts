// accounts.jumpseller.com in miniature: authorization-code grant with a consent page, one-hour access
// tokens, refresh tokens that rotate (a used refresh token is refused), and API authentication (Bearer or
// the private API's Basic login:authtoken).
import type { IncomingMessage } from "node:http";
import { escapeHtml, json, type Route, type SimResponse } from "./http-util";
import { randomToken, type Clock, type StoreState } from "./state";

export interface OAuthServerOptions {
  clientId: string;
  clientSecret: string;
  login: string;
  authtoken: string;
  tokenTtlSeconds: number;
  /** When set, redirect_uri must be one of these (as registered with the app). */
  redirectUris?: string[];
}

interface Grant {
  scopes: Set<string>;
  expiresAt: number;
}

export type ApiAuth = { ok: true; scopes: Set<string> | "all" } | { ok: false; response: SimResponse };

export function createOAuthServer(state: StoreState, clock: Clock, options: OAuthServerOptions) {
  const codes = new Map<string, { redirectUri: string; scope: string; expiresAt: number }>();
  const accessTokens = new Map<string, Grant>();
  const refreshTokens = new Map<string, { scope: string }>();

  const oauthError = (status: number, error: string, description: string) =>
    json(status, { error, error_description: description });

  function issue(scope: string) {
    const access = randomToken(32);
    const refresh = randomToken(32);
    accessTokens.set(access, {
      scopes: new Set(scope.split(/\s+/).filter(Boolean)),
      expiresAt: clock.now().getTime() + options.tokenTtlSeconds * 1000,
    });
    refreshTokens.set(refresh, { scope });
    return json(200, {
      access_token: access,
      token_type: "bearer",
      expires_in: options.tokenTtlSeconds,
      refresh_token: refresh,
      scope,
      created_at: Math.floor(clock.now().getTime() / 1000),
    });
  }

  function checkAuthorizeParams(p: Record<string, string | undefined>): string | null {
    if (p.client_id !== options.clientId) return "Unknown client_id";
    if (!p.redirect_uri || !/^https?:\/\//.test(p.redirect_uri)) return "Missing or invalid redirect_uri";
    if (options.redirectUris && !options.redirectUris.includes(p.redirect_uri))
      return "redirect_uri does not match the app";
    if (p.response_type !== "code") return "response_type must be code";
    return null;
  }

  function consentPage(p: Record<string, string | undefined>): string {
    const hidden = ["client_id", "redirect_uri", "response_type", "scope", "state"]
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k] ?? "")}">`)
      .join("");
    const scopes = (p.scope ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((s) => `<li>${escapeHtml(s)}</li>`)
      .join("");
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize application</title></head><body>
<h1>Authorize application</h1><p>Store <strong>${escapeHtml(state.profile.name)}</strong> (${escapeHtml(state.profile.code)})</p>
<p>The application asks for:</p><ul>${scopes}</ul>
<form method="post" action="/oauth/authorize">${hidden}
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></form></body></html>`;
  }

  /** The redirect that Approve (or Deny) produces; also usable directly from tests. */
  function decide(p: Record<string, string | undefined>, approve: boolean): string {
    const problem = checkAuthorizeParams(p);
    if (problem) throw new Error(problem);
    const target = new URL(p.redirect_uri as string);
    if (approve) {
      const code = randomToken(16);
      codes.set(code, {
        redirectUri: p.redirect_uri as string,
        scope: p.scope ?? "",
        expiresAt: clock.now().getTime() + 10 * 60_000,
      });
      target.searchParams.set("code", code);
    } else {
      target.searchParams.set("error", "access_denied");
    }
    if (p.state !== undefined) target.searchParams.set("state", p.state);
    return target.toString();
  }

  function tokenEndpoint(body: Record<string, string | undefined>, req: IncomingMessage): SimResponse {
    let { client_id: clientId, client_secret: clientSecret } = body;
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (basic) [clientId, clientSecret] = Buffer.from(basic, "base64").toString("utf8").split(":");
    if (clientId !== options.clientId || clientSecret !== options.clientSecret) {
      return oauthError(
        401,
        "invalid_client",
        "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
      );
    }
    const invalidGrant = () =>
      oauthError(
        400,
        "invalid_grant",
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
      );
    if (body.grant_type === "authorization_code") {
      const grant = body.code ? codes.get(body.code) : undefined;
      if (!grant || grant.expiresAt < clock.now().getTime() || grant.redirectUri !== body.redirect_uri)
        return invalidGrant();
      codes.delete(body.code as string);
      return issue(grant.scope);
    }
    if (body.grant_type === "refresh_token") {
      const grant = body.refresh_token ? refreshTokens.get(body.refresh_token) : undefined;
      if (!grant) return invalidGrant();
      refreshTokens.delete(body.refresh_token as string);
      return issue(grant.scope);
    }
    return oauthError(
      400,
      "unsupported_grant_type",
      "The authorization grant type is not supported by the authorization server.",
    );
  }

  const routes: Route[] = [
    {
      method: "GET",
      pattern: /^\/oauth\/authorize$/,
      handle: ({ query }) => {
        const p = Object.fromEntries(query);
        const problem = checkAuthorizeParams(p);
        if (problem) return { status: 400, html: `<!doctype html><p>${escapeHtml(problem)}</p>` };
        return { status: 200, html: consentPage(p) };
      },
    },
    {
      method: "POST",
      pattern: /^\/oauth\/authorize$/,
      handle: ({ body }) => {
        const p = (body ?? {}) as Record<string, string | undefined>;
        const problem = checkAuthorizeParams(p);
        if (problem) return { status: 400, html: `<!doctype html><p>${escapeHtml(problem)}</p>` };
        return { status: 302, headers: { Location: decide(p, p.decision !== "deny") } };
      },
    },
    {
      method: "POST",
      pattern: /^\/oauth\/token$/,
      handle: ({ body, req }) => tokenEndpoint((body ?? {}) as Record<string, string | undefined>, req),
    },
  ];

  function authenticate(req: IncomingMessage, query: URLSearchParams): ApiAuth {
    const header = req.headers.authorization ?? "";
    const bearer = /^Bearer (.+)$/i.exec(header)?.[1];
    if (bearer) {
      const grant = accessTokens.get(bearer);
      if (!grant) return { ok: false, response: invalidToken("The access token is invalid") };
      if (grant.expiresAt <= clock.now().getTime())
        return { ok: false, response: invalidToken("The access token expired") };
      return { ok: true, scopes: grant.scopes };
    }
    const basic = /^Basic (.+)$/i.exec(header)?.[1];
    // Query-string credentials are deprecated by Jumpseller but still accepted.
    const [login, authtoken] = basic
      ? Buffer.from(basic, "base64").toString("utf8").split(":")
      : [query.get("login"), query.get("authtoken")];
    if (login === options.login && authtoken === options.authtoken) return { ok: true, scopes: "all" };
    return { ok: false, response: json(401, { message: "Unauthorized: invalid login or authtoken" }) };
  }

  const invalidToken = (description: string) =>
    json(
      401,
      { error: "invalid_token", error_description: description },
      {
        "WWW-Authenticate": `Bearer realm="Jumpseller", error="invalid_token", error_description="${description}"`,
      },
    );

  return {
    routes,
    authenticate,
    decide,
    /** Makes every access token issued so far expire now. */
    expireAccessTokens() {
      for (const grant of accessTokens.values()) grant.expiresAt = clock.now().getTime();
    },
  };
}
export type OAuthServer = ReturnType<typeof createOAuthServer>;
