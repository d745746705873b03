// OAuth against the simulator: consent page → code → tokens → refresh rotation → expiry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceFailure } from "@/tests/support/service-error";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "@/simulators/jumpseller";
import { createJumpsellerClient } from "./client";
import { jumpsellerScope } from "./constants";
import {
  buildAuthorizeUrl,
  createOAuthState,
  ensureFreshAccessToken,
  exchangeCode,
  refreshTokens,
  verifyOAuthState,
  type JumpsellerTokens,
} from "./oauth";

const clientId = "ponte-app";
const clientSecret = "app-secret";
const redirectUri = "http://localhost:3000/api/jumpseller/callback";
const secret = "state-signing-secret";
let sim: JumpsellerSimulator;

beforeAll(async () => {
  sim = await startJumpsellerSimulator({ clientId, clientSecret, redirectUris: [redirectUri], rateLimit: false });
});
afterAll(() => sim.close());

/** Follows the authorize URL, clicks Approve, and returns the callback URL Jumpseller redirects to. */
async function approve(authorizeUrl: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Approve");
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      m[2]?.replace(/&amp;/g, "&"),
    ]),
  );
  const answer = await fetch(new URL("/oauth/authorize", authorizeUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, decision: "approve" }).toString(),
    redirect: "manual",
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location") ?? "");
}

describe("authorization code flow", () => {
  it("authorizes, exchanges the code, calls the API, and rotates the refresh token", async () => {
    const state = createOAuthState({ userId: "user-1", secret });
    const authorizeUrl = buildAuthorizeUrl({
      clientId,
      redirectUri,
      scopes: jumpsellerScope,
      state,
      authUrl: sim.authUrl,
    });
    expect(new URL(authorizeUrl).searchParams.get("scope")).toBe(
      "read_store read_orders write_orders read_products read_customers read_hooks write_hooks",
    );

    const callback = await approve(authorizeUrl);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(
      verifyOAuthState(callback.searchParams.get("state"), { secret, maxAgeMs: 600_000, userId: "user-1" }),
    ).toMatchObject({ ok: true, userId: "user-1" });

    const code = callback.searchParams.get("code") ?? "";
    const tokens = await exchangeCode({ code, clientId, clientSecret, redirectUri, authUrl: sim.authUrl });
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(
      (await serviceFailure(exchangeCode({ code, clientId, clientSecret, redirectUri, authUrl: sim.authUrl }))).kind,
    ).toBe("auth");

    const api = createJumpsellerClient({
      auth: { kind: "oauth", getAccessToken: async () => tokens.accessToken },
      baseUrl: sim.url,
    });
    expect((await api.getStoreInfo()).code).toBe("ponte-demo");

    const next = await refreshTokens({
      refreshToken: tokens.refreshToken,
      clientId,
      clientSecret,
      authUrl: sim.authUrl,
    });
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    const reused = await serviceFailure(
      refreshTokens({ refreshToken: tokens.refreshToken, clientId, clientSecret, authUrl: sim.authUrl }),
    );
    expect(reused).toMatchObject({ kind: "auth", code: "invalid_grant" });
    expect(
      (await refreshTokens({ refreshToken: next.refreshToken, clientId, clientSecret, authUrl: sim.authUrl }))
        .accessToken,
    ).toBeTruthy();
  });

  it("refuses a wrong client secret as auth", async () => {
    const url = sim.control.authorize({ redirectUri, scope: jumpsellerScope, state: "s" });
    const code = new URL(url).searchParams.get("code") ?? "";
    const error = await serviceFailure(
      exchangeCode({ code, clientId, clientSecret: "wrong", redirectUri, authUrl: sim.authUrl }),
    );
    expect(error).toMatchObject({ kind: "auth", code: "invalid_client" });
  });

  it("refreshes an expiring token before use and hands back the new pair", async () => {
    const code = new URL(sim.control.authorize({ redirectUri, scope: jumpsellerScope })).searchParams.get("code") ?? "";
    let stored: JumpsellerTokens = await exchangeCode({
      code,
      clientId,
      clientSecret,
      redirectUri,
      authUrl: sim.authUrl,
    });
    const refresh = (refreshToken: string) =>
      refreshTokens({ refreshToken, clientId, clientSecret, authUrl: sim.authUrl });
    const api = createJumpsellerClient({
      baseUrl: sim.url,
      auth: {
        kind: "oauth",
        getAccessToken: async () => {
          const fresh = await ensureFreshAccessToken(stored, { refresh, now: sim.control.now() });
          if (fresh.refreshed) stored = fresh.tokens;
          return fresh.tokens.accessToken;
        },
      },
    });
    const first = stored.accessToken;
    // Still fresh: no refresh.
    expect(await ensureFreshAccessToken(stored, { refresh, now: sim.control.now() })).toMatchObject({
      refreshed: false,
    });
    await api.countOrders();
    expect(stored.accessToken).toBe(first);

    // 56 minutes later the token is inside the 5-minute margin: refreshed before the call.
    sim.control.advanceTime(56 * 60_000);
    await api.countOrders();
    expect(stored.accessToken).not.toBe(first);

    // An expired token is refused by the API as auth.
    sim.control.advanceTime(60 * 60_000);
    const stale = createJumpsellerClient({
      baseUrl: sim.url,
      auth: { kind: "oauth", getAccessToken: async () => stored.accessToken },
    });
    expect(await serviceFailure(stale.countOrders())).toMatchObject({ kind: "auth", status: 401 });
    await api.countOrders();
    sim.control.setTime(null);
  });

  it("shares one refresh between concurrent callers, since rotation would burn the token twice", async () => {
    const code = new URL(sim.control.authorize({ redirectUri, scope: jumpsellerScope })).searchParams.get("code") ?? "";
    const tokens = await exchangeCode({ code, clientId, clientSecret, redirectUri, authUrl: sim.authUrl });
    const expired = { ...tokens, expiresAt: new Date(0) };
    const refresh = (refreshToken: string) =>
      refreshTokens({ refreshToken, clientId, clientSecret, authUrl: sim.authUrl });
    const [a, b] = await Promise.all([
      ensureFreshAccessToken(expired, { refresh }),
      ensureFreshAccessToken(expired, { refresh }),
    ]);
    expect(a.tokens.refreshToken).toBe(b.tokens.refreshToken);
  });

  it("lacking a scope gives auth", async () => {
    const code = new URL(sim.control.authorize({ redirectUri, scope: "read_store" })).searchParams.get("code") ?? "";
    const tokens = await exchangeCode({ code, clientId, clientSecret, redirectUri, authUrl: sim.authUrl });
    const api = createJumpsellerClient({
      baseUrl: sim.url,
      auth: { kind: "oauth", getAccessToken: async () => tokens.accessToken },
    });
    expect((await api.getStoreInfo()).code).toBe("ponte-demo");
    expect(await serviceFailure(api.countOrders())).toMatchObject({ kind: "auth", status: 403 });
  });
});

describe("state", () => {
  const now = new Date("2025-03-01T10:00:00Z");
  const state = createOAuthState({ userId: "user-1", secret, now });
  const opts = { secret, maxAgeMs: 10 * 60_000, userId: "user-1", now };

  it("accepts its own state for the same user", () => {
    expect(verifyOAuthState(state, opts)).toEqual({ ok: true, userId: "user-1", issuedAt: now });
  });
  it("refuses another user's state", () => {
    expect(verifyOAuthState(state, { ...opts, userId: "user-2" })).toEqual({ ok: false, reason: "wrong_user" });
  });
  it("refuses an expired state", () => {
    expect(verifyOAuthState(state, { ...opts, now: new Date(now.getTime() + 10 * 60_000 + 1) })).toEqual({
      ok: false,
      reason: "expired",
    });
  });
  it("refuses a tampered state or one signed with another secret", () => {
    const [payload, signature] = state.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "user-2", t: now.getTime(), n: "x" })).toString("base64url");
    expect(verifyOAuthState(`${forged}.${signature}`, { ...opts, userId: "user-2" })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(verifyOAuthState(`${payload}.${signature?.slice(0, -2)}AA`, opts)).toMatchObject({ ok: false });
    expect(verifyOAuthState(state, { ...opts, secret: "other" })).toEqual({ ok: false, reason: "bad_signature" });
  });
  it("refuses garbage", () => {
    for (const bad of [null, "", "abc", "a.b.c", "!!.??"])
      expect(verifyOAuthState(bad, opts)).toEqual({ ok: false, reason: "malformed" });
  });
});
