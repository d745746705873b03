// Sign-in: passwords, inactive accounts, the throttle, and the session re-read from the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth";
import { peerHeader, trustPeerHeader } from "@/lib/client-address";
import { demoPassword, demoUsers } from "@/scripts/demo/seed";
import { lockedUntil, recordFailure, throttleKeys } from "@/lib/sign-in-throttle";
import { startDashboardWorld, type DashboardWorld } from "./world";

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  // As under Ponte's own server, which sets the peer header from the socket.
  trustPeerHeader();
});
afterAll(() => world.close());

const from = (ip: string) => ({ [peerHeader]: ip });

describe("authorizeCredentials", () => {
  it("signs in with the right password and records the time", async () => {
    const user = await authorizeCredentials(
      { email: demoUsers.admin.email.toUpperCase(), password: demoPassword },
      from("10.0.0.1"),
    );
    expect(user).toMatchObject({ email: demoUsers.admin.email });
    const row = await world.test.db.user.findUniqueOrThrow({ where: { email: demoUsers.admin.email } });
    expect(row.lastSignInAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password, an unknown e-mail and an inactive account alike", async () => {
    expect(
      await authorizeCredentials({ email: demoUsers.admin.email, password: "wrong-password" }, from("10.0.0.2")),
    ).toBeNull();
    expect(
      await authorizeCredentials({ email: "nobody@example.pt", password: demoPassword }, from("10.0.0.2")),
    ).toBeNull();
    await world.test.db.user.update({ where: { email: demoUsers.accountant.email }, data: { active: false } });
    expect(
      await authorizeCredentials({ email: demoUsers.accountant.email, password: demoPassword }, from("10.0.0.2")),
    ).toBeNull();
    await world.test.db.user.update({ where: { email: demoUsers.accountant.email }, data: { active: true } });
  });

  it("locks an e-mail after 5 failures in 15 minutes, even for the right password", async () => {
    const email = demoUsers.merchant.email;
    for (let i = 0; i < 4; i++)
      expect(await authorizeCredentials({ email, password: "nope" }, from("10.0.0.3"))).toBeNull();
    await expect(authorizeCredentials({ email, password: "nope" }, from("10.0.0.3"))).rejects.toThrow(/^locked:/);
    await expect(authorizeCredentials({ email, password: demoPassword }, from("10.0.0.4"))).rejects.toThrow(/^locked:/);
  });

  it("locks an address after 20 failures, whatever the e-mail", async () => {
    for (let i = 0; i < 19; i++)
      await authorizeCredentials({ email: `guess${i}@example.pt`, password: "x" }, from("10.9.9.9"));
    await expect(
      authorizeCredentials({ email: "guess-last@example.pt", password: "x" }, from("10.9.9.9")),
    ).rejects.toThrow(/^locked:/);
    await expect(
      authorizeCredentials({ email: demoUsers.admin.email, password: demoPassword }, from("10.9.9.9")),
    ).rejects.toThrow(/^locked:/);
    expect(
      await authorizeCredentials({ email: demoUsers.admin.email, password: demoPassword }, from("10.0.0.5")),
    ).not.toBeNull();
  });
});

describe("throttle window", () => {
  it("forgets failures older than the window and ends the lock after 15 minutes", async () => {
    const keys = throttleKeys("window@example.pt", null);
    const t0 = new Date("2026-03-02T10:00:00Z");
    for (let i = 0; i < 4; i++) await recordFailure(world.test.db, keys, new Date(t0.getTime() + i * 60_000));
    // The fifth failure comes after the window: counting starts again.
    expect(await recordFailure(world.test.db, keys, new Date(t0.getTime() + 16 * 60_000))).toBeNull();
    let lock: Date | null = null;
    for (let i = 1; i <= 4; i++)
      lock = await recordFailure(world.test.db, keys, new Date(t0.getTime() + (16 + i) * 60_000));
    expect(lock?.toISOString()).toBe(new Date(t0.getTime() + 35 * 60_000).toISOString());
    expect(await lockedUntil(world.test.db, keys, new Date(t0.getTime() + 30 * 60_000))).toEqual(lock);
    expect(await lockedUntil(world.test.db, keys, new Date(t0.getTime() + 36 * 60_000))).toBeNull();
  });
});
