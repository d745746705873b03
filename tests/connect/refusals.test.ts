// Callbacks Ponte must refuse: a state that is not ours, too old, or another user's; a denied or refused
// authorization; and anyone but an admin. None of them may create or change a store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/access";
import { createSessionUser, redirectUri, startConnectWorld, type ConnectWorld } from "./support";

let world: ConnectWorld;
let admin: SessionUser;
let otherAdmin: SessionUser;
let merchant: SessionUser;
let install: typeof import("../../lib/connect/install");
let routes: typeof import("../../lib/connect/routes");

beforeAll(async () => {
  world = await startConnectWorld();
  [install, routes] = await Promise.all([import("../../lib/connect/install"), import("../../lib/connect/routes")]);
  admin = await createSessionUser(world.test.db, "admin", "ana@example.pt");
  // An admin limited to some stores (allStores off) is given access to the store they install.
  otherAdmin = await createSessionUser(world.test.db, "admin", "rui@example.pt", false);
  merchant = await createSessionUser(world.test.db, "merchant", "loja@example.pt");
});
afterAll(() => world?.close());

/** A state issued to `user` (optionally at another time) and a real code from the simulator. */
function approvedCallback(user: SessionUser, now?: Date, scope = "read_store read_hooks write_hooks"): URLSearchParams {
  const started = install.startJumpsellerInstall(user, { now });
  if (!("url" in started)) throw new Error(started.message);
  const state = new URL(started.url).searchParams.get("state")!;
  return new URL(world.jumpseller.control.authorize({ redirectUri, scope, state })).searchParams;
}

describe("refused callbacks", () => {
  it("refuses a state issued to another user, even with a valid code", async () => {
    const params = approvedCallback(admin);
    const result = await install.completeJumpsellerInstall({
      user: otherAdmin,
      code: params.get("code"),
      state: params.get("state"),
    });
    expect(result).toMatchObject({ error: "state_wrong_user" });
    expect(await routes.installCallbackRedirect(otherAdmin, params)).toBe("/stores/connect?error=state_wrong_user");
  });

  it("refuses a state older than ten minutes", async () => {
    const params = approvedCallback(admin, new Date(Date.now() - 11 * 60_000));
    expect(await routes.installCallbackRedirect(admin, params)).toBe("/stores/connect?error=state_expired");
  });

  it("refuses a tampered or missing state", async () => {
    const params = approvedCallback(admin);
    params.set("state", `${params.get("state")}x`);
    expect(await routes.installCallbackRedirect(admin, params)).toBe("/stores/connect?error=state_invalid");
    params.delete("state");
    expect(await routes.installCallbackRedirect(admin, params)).toBe("/stores/connect?error=state_invalid");
  });

  it("reports a code Jumpseller refuses, and a used code", async () => {
    const params = approvedCallback(admin);
    const forged = new URLSearchParams(params);
    forged.set("code", "not-a-code");
    expect(await routes.installCallbackRedirect(admin, forged)).toBe("/stores/connect?error=code_refused");
    expect(await routes.installCallbackRedirect(admin, params)).toMatch(/^\/stores\/connect\/c[a-z0-9]+$/);
    expect(await routes.installCallbackRedirect(admin, params)).toBe("/stores/connect?error=code_refused");
  });

  it("reports Deny on the consent page", async () => {
    const params = new URLSearchParams({ error: "access_denied", state: approvedCallback(admin).get("state")! });
    expect(await routes.installCallbackRedirect(admin, params)).toBe("/stores/connect?error=access_denied");
  });

  it("lets only admins install, and sends a signed-out visitor to sign in first", async () => {
    expect(install.startJumpsellerInstall(merchant)).toMatchObject({ error: "forbidden" });
    expect(routes.installStartRedirect(merchant)).toBe("/stores/connect?error=forbidden");
    expect(routes.installStartRedirect(null)).toBe("/login?callbackUrl=%2Fstores%2Fconnect");
    const params = approvedCallback(admin);
    expect(await routes.installCallbackRedirect(merchant, params)).toBe("/stores/connect?error=forbidden");
    const back = await routes.installCallbackRedirect(null, params);
    expect(back).toBe(`/login?callbackUrl=${encodeURIComponent(`/api/jumpseller/oauth/callback?${params}`)}`);
    // After signing in, the same callback still completes.
    expect(await routes.installCallbackRedirect(admin, params)).toMatch(/^\/stores\/connect\/c[a-z0-9]+$/);
  });

  it("keeps the installed store but says so when Jumpseller refuses the hooks", async () => {
    const params = approvedCallback(otherAdmin, undefined, "read_store");
    const target = await routes.installCallbackRedirect(otherAdmin, params);
    expect(target).toMatch(/^\/stores\/connect\/c[a-z0-9]+\?error=hooks_failed$/);
    const storeId = target.split("/").pop()!.split("?")[0]!;
    const access = await world.test.db.storeAccess.findMany({ where: { storeId }, select: { userId: true } });
    expect(access).toEqual([{ userId: otherAdmin.id }]);
  });

  it("only the three accepted callbacks installed anything", async () => {
    const stores = await world.test.db.store.findMany({ select: { code: true } });
    expect(stores).toEqual([{ code: "loja-azul" }]);
    const installs = await world.test.db.auditEvent.count({ where: { action: "store.installed" } });
    expect(installs).toBe(3);
  });
});
