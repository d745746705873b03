// Every read goes through lib/access: a merchant sees their own store and nothing else, whichever function
// or filter they use.
import { describe, expect, it } from "vitest";
import { findVisibleStore, storeScopeSql, storesVisibleTo, type SessionUser } from "@/lib/access";
import { listAuditEvents, listRejectedDeliveries } from "@/lib/data/audit";
import { listJobs, jobSearchSchema } from "@/lib/data/jobs";
import { findVisibleOrder, getOrderDetail } from "@/lib/data/order-detail";
import { listOrders, orderSearchSchema } from "@/lib/data/orders";
import { getOverview } from "@/lib/data/overview";
import { getStoreDetail, listStores } from "@/lib/data/stores";
import { Prisma } from "@/lib/generated/prisma/client";
import { seedDemoData } from "@/scripts/demo/seed";
import { setUpDashboardWorld } from "./world";

const world = setUpDashboardWorld();

const codes = async (user: SessionUser) => (await listStores(user)).map((s) => s.code).sort();

describe("store visibility", () => {
  it("gives each role the right stores", async () => {
    expect(await codes(world.users.admin)).toEqual(["casa-verde", "loja-do-mar", "papelaria-lima"]);
    expect(await codes(world.users.accountant)).toEqual(["casa-verde", "loja-do-mar"]);
    expect(await codes(world.users.merchant)).toEqual(["loja-do-mar"]);
  });

  it("uses the same rule in SQL as in Prisma filters", async () => {
    for (const user of Object.values(world.users)) {
      const viaPrisma = await world.test.db.store.findMany({
        where: storesVisibleTo(user),
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const viaSql = await world.test.db.$queryRaw<{ id: string }[]>`
        SELECT s.id FROM "Store" s WHERE ${storeScopeSql(user, Prisma.sql`s.id`)} ORDER BY s.id`;
      expect(viaSql).toEqual(viaPrisma);
    }
  });

  it("hides another store from a merchant", async () => {
    const { merchant } = world.users;
    expect(await findVisibleStore(merchant, world.stores["casa-verde"]!)).toBeNull();
    expect(await getStoreDetail(merchant, world.stores["casa-verde"]!)).toBeNull();
    expect(await findVisibleStore(merchant, world.stores["loja-do-mar"]!)).not.toBeNull();
  });

  it("never reads secrets into a store detail", async () => {
    const store = await getStoreDetail(world.users.admin, world.stores["loja-do-mar"]!);
    expect(JSON.stringify(store)).not.toMatch(/Enc|demo-vendus-key/);
    expect(store?.credential?.vendusKeyHint).toBe("…-mar");
  });
});

describe("orders", () => {
  const search = (values: Record<string, string> = {}) => orderSearchSchema.parse(values);

  it("lists only the merchant's orders, even when filtering by another store", async () => {
    const { merchant } = world.users;
    const own = await listOrders(merchant, search());
    expect(own.rows.length).toBeGreaterThan(0);
    expect(new Set(own.rows.map((r) => r.store.name))).toEqual(new Set(["Loja do Mar"]));
    expect((await listOrders(merchant, search({ store: world.stores["casa-verde"]! }))).rows).toEqual([]);
  });

  it("joins the invoice number and filters by state and text", async () => {
    const { admin } = world.users;
    const invoiced = await listOrders(admin, search({ state: "invoiced" }));
    expect(invoiced.rows.every((r) => r.invoiceState === "invoiced" && r.invoice?.number)).toBe(true);
    expect((await listOrders(admin, search({ q: "#1004" }))).rows.map((r) => r.jumpsellerId)).toEqual([1004]);
    expect((await listOrders(admin, search({ q: "marta" }))).rows.map((r) => r.jumpsellerId).sort()).toEqual([
      1006, 2006,
    ]);
    expect((await listOrders(admin, search({ q: "PT 501 964 843" }))).rows.map((r) => r.nif)).toEqual([
      "501964843",
      "501964843",
    ]);
    expect((await listOrders(admin, search({ q: "100%_" }))).rows).toEqual([]);
  });

  it("finds e-mail addresses whole or in part, within the user's stores only", async () => {
    const at = new Date("2025-06-01T10:00:00Z");
    const order = (storeCode: string, jumpsellerId: number, customerEmail: string) => ({
      storeId: world.stores[storeCode]!,
      jumpsellerId,
      status: "paid",
      totalCents: 1000,
      orderedAt: at,
      customerEmail,
    });
    await world.test.db.order.createMany({
      data: [
        order("loja-do-mar", 95_001, "Rita.Sousa@Example.pt"),
        order("casa-verde", 95_002, "rita.sousa@outro.pt"),
        order("loja-do-mar", 95_003, "xrita.sousa@example.pt.br"),
        order("papelaria-lima", 95_004, "rita.sousa@example.pt"),
      ],
    });
    const found = async (user: SessionUser, q: string) =>
      (await listOrders(user, search({ q }))).rows.map((r) => r.jumpsellerId).sort();
    const { admin, accountant, merchant } = world.users;
    expect(await found(admin, "rita.sousa@example.pt")).toEqual([95_001, 95_003, 95_004]);
    expect(await found(admin, "RITA.SOUSA@")).toEqual([95_001, 95_002, 95_003, 95_004]);
    expect(await found(admin, "@outro.pt")).toEqual([95_002]);
    expect(await found(admin, "a.s@example")).toEqual([]);
    // Two stores (a list), one store (an equality): never another store's order.
    expect(await found(accountant, "rita.sousa@")).toEqual([95_001, 95_002, 95_003]);
    expect(await found(merchant, "rita.sousa@")).toEqual([95_001, 95_003]);
    expect(await found(merchant, "sousa@outro")).toEqual([]);
    await world.test.db.order.deleteMany({ where: { jumpsellerId: { gte: 95_001, lte: 95_004 } } });
  });

  it("hides another store's order detail from a merchant", async () => {
    const other = await world.test.db.order.findFirstOrThrow({ where: { storeId: world.stores["casa-verde"] } });
    expect(await findVisibleOrder(world.users.merchant, other.id)).toBeNull();
    expect(await getOrderDetail(world.users.merchant, other.id)).toBeNull();
    expect(await getOrderDetail(world.users.accountant, other.id)).not.toBeNull();
  });

  it("pages with a keyset cursor, forwards and back, in both sort orders", async () => {
    const storeId = world.stores["papelaria-lima"]!;
    const base = new Date("2026-01-01T10:00:00Z").getTime();
    await world.test.db.order.createMany({
      // Pairs share a timestamp, so the id must break ties.
      data: Array.from({ length: 120 }, (_, i) => ({
        storeId,
        jumpsellerId: 90_000 + i,
        status: "Paid",
        totalCents: 100 + i,
        orderedAt: new Date(base + Math.floor(i / 2) * 60_000),
      })),
    });
    for (const sort of ["desc", "asc"] as const) {
      const seen: string[] = [];
      let page = await listOrders(world.users.admin, search({ store: storeId, sort }));
      const pages = [page];
      while (page.next) {
        seen.push(...page.rows.map((r) => r.id));
        page = await listOrders(world.users.admin, search({ store: storeId, sort, cursor: page.next, dir: "next" }));
        pages.push(page);
      }
      seen.push(...page.rows.map((r) => r.id));
      expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 22]);
      expect(new Set(seen).size).toBe(122);
      const times = pages.flatMap((p) => p.rows.map((r) => r.orderedAt.getTime()));
      expect(times).toEqual([...times].sort((a, b) => (sort === "desc" ? b - a : a - b)));
      // Back from the last page gives exactly the middle page again.
      const back = await listOrders(
        world.users.admin,
        search({ store: storeId, sort, cursor: page.prev!, dir: "prev" }),
      );
      expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
      const first = await listOrders(
        world.users.admin,
        search({ store: storeId, sort, cursor: back.prev!, dir: "prev" }),
      );
      expect(first.prev).toBeNull();
      expect(first.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    }
  });
});

describe("jobs, audit and overview", () => {
  it("scope jobs to visible stores", async () => {
    const jobs = await listJobs(world.users.merchant, jobSearchSchema.parse({}));
    expect(new Set(jobs.rows.map((j) => j.store.name))).toEqual(new Set(["Loja do Mar"]));
    const failed = await listJobs(world.users.accountant, jobSearchSchema.parse({ status: "failed" }));
    expect(failed.rows.map((j) => j.lastErrorKind).sort()).toEqual(["refused", "transient"]);
  });

  it("page jobs with a keyset cursor on (updatedAt, id)", async () => {
    const storeId = world.stores["papelaria-lima"]!;
    const at = new Date("2026-02-01T10:00:00Z");
    await world.test.db.job.createMany({
      data: Array.from({ length: 75 }, (_, i) => ({
        storeId,
        kind: "sync_stock" as const,
        subject: `p${i}`,
        status: "succeeded" as const,
        updatedAt: at,
      })),
    });
    const search = (values: Record<string, string>) =>
      jobSearchSchema.parse({ store: storeId, kind: "sync_stock", ...values });
    const first = await listJobs(world.users.admin, search({}));
    const second = await listJobs(world.users.admin, search({ cursor: first.next!, dir: "next" }));
    expect([first.rows.length, second.rows.length, second.next]).toEqual([50, 25, null]);
    expect(new Set([...first.rows, ...second.rows].map((j) => j.id)).size).toBe(75);
    const back = await listJobs(world.users.admin, search({ cursor: second.prev!, dir: "prev" }));
    expect(back.rows.map((j) => j.id)).toEqual(first.rows.map((j) => j.id));
    expect(back.prev).toBeNull();
  });

  it("scope audit events and refused deliveries", async () => {
    await world.test.db.auditEvent.create({ data: { action: "user.created", actorId: world.users.admin.id } });
    const merchantEvents = await listAuditEvents(world.users.merchant, { dir: "next" });
    expect(merchantEvents.rows.every((e) => e.store?.name === "Loja do Mar")).toBe(true);
    const adminEvents = await listAuditEvents(world.users.admin, { dir: "next" });
    expect(adminEvents.rows.some((e) => e.store === null)).toBe(true);
    await world.test.db.rejectedDelivery.create({
      data: { reason: "unknown_store", status: 404, bodyBytes: 10, storeCode: "nope" },
    });
    expect((await listRejectedDeliveries(world.users.merchant)).map((r) => r.storeCode)).toEqual(["loja-do-mar"]);
    expect((await listRejectedDeliveries(world.users.admin)).length).toBe(2);
  });

  it("keeps user-management events for admins, even from an accountant who sees every store", async () => {
    const everyStore: SessionUser = { ...world.users.accountant, allStores: true };
    await world.test.db.auditEvent.create({
      data: { action: "user.access_changed", actorId: world.users.admin.id, targetType: "user", targetId: "u1" },
    });
    await world.test.db.auditEvent.create({
      data: {
        action: "store.settings_updated",
        actorId: world.users.admin.id,
        storeId: world.stores["papelaria-lima"]!,
      },
    });
    const events = await listAuditEvents(everyStore, { dir: "next" });
    expect(events.rows.map((e) => e.action)).not.toContain("user.access_changed");
    expect(events.rows.every((e) => e.store !== null)).toBe(true);
    expect(events.rows.map((e) => e.store?.name)).toContain("Papelaria Lima");
    const admin = await listAuditEvents(world.users.admin, { dir: "next" });
    expect(admin.rows.map((e) => e.action)).toContain("user.access_changed");
  });

  it("counts per visible store, with orders near and past the legal deadline", async () => {
    const overview = await getOverview(world.users.merchant);
    expect(overview.map((s) => s.code)).toEqual(["loja-do-mar"]);
    expect(overview[0]).toMatchObject({ failedJobs: 1, awaitingInvoice: 2, nearDeadline: 1, overdue: 1 });
    expect(overview[0]!.lastWebhookAt).toBeInstanceOf(Date);
  });
});

describe("seedDemoData", () => {
  it("is idempotent", async () => {
    const count = async () => [
      await world.test.db.user.count(),
      await world.test.db.document.count(),
      await world.test.db.job.count(),
      await world.test.db.webhookDelivery.count(),
    ];
    const before = await count();
    await seedDemoData(world.test.db);
    expect(await count()).toEqual(before);
  });
});
