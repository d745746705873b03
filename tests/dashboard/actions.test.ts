// Server actions are public endpoints: each one checks the user and the store itself, whatever page called
// it. Here they are called directly, as a crafted request would call them.
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { setUpDashboardWorld } from "./world";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => undefined }) }));
// Work scheduled for after the answer (the readiness check of a store whose settings changed) is kept here.
const afterAnswer: (() => unknown)[] = [];
vi.mock("next/server", () => ({ after: (task: () => unknown) => void afterAnswer.push(task) }));

const { updateStoreSettings } = await import("@/lib/actions/stores");
const { createUserAccount, setUserActive, updateUserAccess } = await import("@/lib/actions/users");

const world = setUpDashboardWorld(() => {
  currentUser = null;
});

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const settings = {
  enabled: "on",
  documentType: "FR",
  vendusRegisterId: "4",
  vendusPaymentMethodId: "9",
  defaultVatRate: "23",
  invalidNifPolicy: "consumidor_final",
  invalidVatNumberPolicy: "consumer",
  shippingVat: "follow_goods",
  viesCheck: "on",
  notificationEmails: "ops@example.pt",
};

describe("updateStoreSettings", () => {
  it("refuses the signed-out", async () => {
    expect(await updateStoreSettings(world.stores["loja-do-mar"]!, null, form(settings))).toEqual({
      error: "unauthenticated",
    });
  });

  it("answers not_found for a merchant on another store, and forbidden on their own", async () => {
    currentUser = world.users.merchant;
    expect(await updateStoreSettings(world.stores["casa-verde"]!, null, form(settings))).toEqual({
      error: "not_found",
    });
    expect(await updateStoreSettings(world.stores["loja-do-mar"]!, null, form(settings))).toEqual({
      error: "forbidden",
    });
    currentUser = world.users.accountant;
    expect(await updateStoreSettings(world.stores["casa-verde"]!, null, form(settings))).toEqual({
      error: "forbidden",
    });
    const store = await world.test.db.store.findUniqueOrThrow({ where: { id: world.stores["casa-verde"]! } });
    expect(store.vendusRegisterId).toBe(2);
  });

  it("lets an admin change settings, validated and audited", async () => {
    currentUser = world.users.admin;
    const storeId = world.stores["casa-verde"]!;
    const invalid = await updateStoreSettings(storeId, null, form({ ...settings, defaultVatRate: "0" }));
    expect(invalid).toEqual({
      error: "invalid",
      fields: { exemptionCode: "exemption_required", exemptionLaw: "exemption_required" },
    });

    expect(await updateStoreSettings(storeId, null, form(settings))).toEqual({ ok: true });
    const store = await world.test.db.store.findUniqueOrThrow({ where: { id: storeId } });
    expect(store).toMatchObject({
      vendusRegisterId: 4,
      documentType: "FR",
      invalidNifPolicy: "consumidor_final",
      invalidVatNumberPolicy: "consumer",
      shippingVat: "follow_goods",
      viesCheck: true,
      oss: false,
    });
    const audit = await world.test.db.auditEvent.findFirstOrThrow({
      where: { storeId, action: "store.settings_updated" },
    });
    expect(audit.actorId).toBe(world.users.admin.id);
    expect(audit.details).toMatchObject({
      changed: { vendusRegisterId: { from: 2, to: 4 }, oss: { from: true, to: false } },
    });
    // The old verdict no longer applies: the store reads "not checked" until the check scheduled after the
    // answer has run.
    expect(store.readiness).toBeNull();
    expect(afterAnswer).toHaveLength(1);
  });
});

describe("user management", () => {
  const newUser = { name: "Rita Lojista", email: "rita@example.pt", password: "a-long-password", role: "merchant" };

  it("is for admins only", async () => {
    currentUser = world.users.accountant;
    expect(await createUserAccount(null, form({ ...newUser, storeIds: world.stores["casa-verde"]! }))).toEqual({
      error: "forbidden",
    });
    expect(await setUserActive(world.users.merchant.id, false)).toEqual({ error: "forbidden" });
    expect(await world.test.db.user.count({ where: { email: newUser.email } })).toBe(0);
  });

  it("creates a user with store access, audited, and refuses a duplicate", async () => {
    currentUser = world.users.admin;
    expect(await createUserAccount(null, form({ ...newUser }))).toEqual({
      error: "invalid",
      fields: { storeIds: "store_required" },
    });
    expect(await createUserAccount(null, form({ ...newUser, storeIds: world.stores["casa-verde"]! }))).toEqual({
      ok: true,
    });
    const created = await world.test.db.user.findUniqueOrThrow({
      where: { email: newUser.email },
      include: { access: true },
    });
    expect(created.access.map((a) => a.storeId)).toEqual([world.stores["casa-verde"]]);
    expect(created.passwordHash).not.toContain(newUser.password);
    expect(await world.test.db.auditEvent.count({ where: { action: "user.created", targetId: created.id } })).toBe(1);
    expect(await createUserAccount(null, form({ ...newUser, storeIds: world.stores["casa-verde"]! }))).toEqual({
      error: "conflict",
      fields: { email: "email_taken" },
    });
  });

  it("changes role and access, and keeps an admin from locking themselves out", async () => {
    currentUser = world.users.admin;
    const target = world.users.merchant.id;
    const access = form({ role: "accountant", allStores: "on" });
    expect(await updateUserAccess(target, null, access)).toEqual({ ok: true });
    expect(await world.test.db.user.findUniqueOrThrow({ where: { id: target } })).toMatchObject({
      role: "accountant",
      allStores: true,
    });
    expect(await world.test.db.storeAccess.count({ where: { userId: target } })).toBe(0);
    expect(
      await updateUserAccess(target, null, form({ role: "merchant", storeIds: world.stores["loja-do-mar"]! })),
    ).toEqual({ ok: true });
    expect(
      await updateUserAccess(
        world.users.admin.id,
        null,
        form({ role: "merchant", storeIds: world.stores["loja-do-mar"]! }),
      ),
    ).toEqual({
      error: "self_lockout",
    });
    expect(await setUserActive(world.users.admin.id, false)).toEqual({ error: "self_lockout" });
    expect(await world.test.db.auditEvent.count({ where: { action: "user.access_changed", targetId: target } })).toBe(
      2,
    );
  });

  it("deactivates and reactivates", async () => {
    currentUser = world.users.admin;
    const target = world.users.accountant.id;
    expect(await setUserActive(target, false)).toEqual({ ok: true });
    expect((await world.test.db.user.findUniqueOrThrow({ where: { id: target } })).active).toBe(false);
    expect(await setUserActive(target, true)).toEqual({ ok: true });
    const actions = await world.test.db.auditEvent.findMany({
      where: { targetId: target },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["user.deactivated", "user.reactivated"]);
  });
});
