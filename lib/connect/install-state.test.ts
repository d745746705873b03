import { afterEach, describe, expect, it, vi } from "vitest";
import { getEnv, resetEnvCache } from "@/lib/env";
import { createOAuthState } from "@/lib/jumpseller/oauth";
import {
  checkInstallState,
  createInstallState,
  installStateMaxAgeMs,
  oauthRedirectUri,
  webhookUrl,
} from "./install-state";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("install state", () => {
  const issuedAt = new Date("2026-03-02T10:00:00Z");
  const later = (ms: number) => new Date(issuedAt.getTime() + ms);

  it("is accepted for the user it was issued to, within ten minutes", () => {
    const state = createInstallState("user-a", issuedAt);
    expect(checkInstallState(state, "user-a", later(installStateMaxAgeMs - 1000))).toMatchObject({
      ok: true,
      userId: "user-a",
    });
    expect(installStateMaxAgeMs).toBe(10 * 60_000);
  });

  it("is refused for another user and after ten minutes", () => {
    const state = createInstallState("user-a", issuedAt);
    expect(checkInstallState(state, "user-b", later(1000))).toEqual({ ok: false, reason: "wrong_user" });
    expect(checkInstallState(state, "user-a", later(installStateMaxAgeMs + 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("is signed with a key of its own, not NEXTAUTH_SECRET itself", () => {
    const signedWithSessionSecret = createOAuthState({
      userId: "user-a",
      secret: getEnv().NEXTAUTH_SECRET,
      now: issuedAt,
    });
    expect(checkInstallState(signedWithSessionSecret, "user-a", later(1000))).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("stops working when NEXTAUTH_SECRET changes", () => {
    const state = createInstallState("user-a", issuedAt);
    vi.stubEnv("NEXTAUTH_SECRET", "another-secret-that-is-also-long-enough-9876543210");
    resetEnvCache();
    expect(checkInstallState(state, "user-a", later(1000))).toEqual({ ok: false, reason: "bad_signature" });
  });
});

describe("addresses", () => {
  it("are built on NEXTAUTH_URL, without a doubled slash", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://ponte.example.pt/");
    resetEnvCache();
    expect(oauthRedirectUri()).toBe("https://ponte.example.pt/api/jumpseller/oauth/callback");
    expect(webhookUrl()).toBe("https://ponte.example.pt/api/webhooks/jumpseller");
  });
});
