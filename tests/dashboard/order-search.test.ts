// The orders list's name search reads the OrderWord table, kept by triggers on Order. After a mixed workload
// (inserts, bulk and single updates of names, e-mails, dates and stores, deletes, a store deleted) the table
// must equal a recomputation from the orders; the search must find what a user types (whole words, the last
// one begun, any case or accent, name or e-mail), in date order across pages, within the user's stores only,
// whichever way the page is found (every candidate of the rarest word, a common word walked newest first, or the
// words one common begun word stands for walked together, or, when it stands for too many, the orders checked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/access";
import { searchTokens, type SearchCaps } from "@/lib/data/order-search";
import { listOrders, orderSearchSchema } from "@/lib/data/orders";
import { startDashboardWorld, type DashboardWorld } from "./world";

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
});
afterAll(() => world.close());

interface WordRow {
  storeId: string;
  word: string;
  orderedAt: Date;
  orderId: string;
}

const stored = () =>
  world.test.db.$queryRaw<WordRow[]>`
    SELECT "storeId", word, "orderedAt", "orderId" FROM "OrderWord" ORDER BY "orderId", word`;
const recomputed = () =>
  world.test.db.$queryRaw<WordRow[]>`
    SELECT o."storeId", k AS word, o."orderedAt", o.id AS "orderId"
    FROM "Order" o CROSS JOIN LATERAL unnest(ponte_order_words(o."customerName", o."customerEmail")) k
    ORDER BY o.id, k`;

const at = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * 3600_000);

describe("the word table", () => {
  it("splits words as the search does", async () => {
    const texts = ["João Gonçalves-Ávila", "ÉLISE d'Aubigné 3º", "rita.sousa1987", "  Zoë  ÑANDÚ  ", "Łukasz ß İz", ""];
    for (const text of texts) {
      const [{ tokens }] = await world.test.db.$queryRaw<[{ tokens: string[] }]>`
        SELECT ponte_search_tokens(${text}) AS tokens`;
      expect(tokens).toEqual(searchTokens(text));
    }
    expect(searchTokens("João Gonçalves-Ávila")).toEqual(["joao", "goncalves", "avila"]);
  });

  it("equals a recomputation after a mixed workload", async () => {
    const { db } = world.test;
    const lojaDoMar = world.stores["loja-do-mar"]!;
    const casaVerde = world.stores["casa-verde"]!;
    expect(await stored()).toEqual(await recomputed());
    expect((await stored()).length).toBeGreaterThan(0);
    await db.order.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        storeId: i % 2 ? lojaDoMar : casaVerde,
        jumpsellerId: 70_000 + i,
        status: "paid",
        totalCents: 100,
        orderedAt: at(i),
        customerName: i % 5 === 0 ? null : `Cliente ${i} Gonçalves`,
        customerEmail: i % 3 === 0 ? null : `cliente.${i}@exemplo.pt`,
      })),
    });
    await db.order.updateMany({
      where: { jumpsellerId: { gte: 70_000, lt: 70_010 } },
      data: { customerName: "Maria  Silva-Santos" },
    });
    await db.order.update({
      where: { storeId_jumpsellerId: { storeId: lojaDoMar, jumpsellerId: 70_011 } },
      data: { customerEmail: "outra.pessoa@x.pt", orderedAt: at(500) },
    });
    await db.order.updateMany({ where: { jumpsellerId: { gte: 70_020, lt: 70_024 } }, data: { storeId: lojaDoMar } });
    await db.order.updateMany({ where: { jumpsellerId: { gte: 70_030 } }, data: { status: "shipped" } });
    await db.order.deleteMany({ where: { jumpsellerId: { gte: 70_035 } } });
    const gone = await db.store.create({ data: { code: "loja-que-fecha", name: "Loja que fecha" } });
    await db.order.create({
      data: { storeId: gone.id, jumpsellerId: 1, status: "paid", totalCents: 1, orderedAt: at(1), customerName: "Ana" },
    });
    await db.$transaction(async (tx) => {
      await tx.order.updateMany({ where: { storeId: gone.id }, data: { customerName: "Ana Rita" } });
      await tx.order.updateMany({ where: { storeId: gone.id }, data: { customerName: "Ana Rita Costa" } });
    });
    expect((await stored()).filter((r) => r.storeId === gone.id).map((r) => r.word)).toEqual(
      ["ana", "ana rita", "costa", "rita", "rita costa"].sort(),
    );
    await db.store.delete({ where: { id: gone.id } });
    expect(await stored()).toEqual(await recomputed());
    await db.order.deleteMany({ where: { jumpsellerId: { gte: 70_000, lt: 70_100 } } });
    expect(await stored()).toEqual(await recomputed());
    // Every word (not pair) ever stored is listed for a begun word's search, the new ones ("cliente") included.
    const unlisted = await db.$queryRaw<{ word: string }[]>`
      SELECT k AS word FROM (SELECT DISTINCT word AS k FROM "OrderWord" WHERE strpos(word, ' ') = 0) w
      WHERE NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s.word = w.k)`;
    expect(unlisted).toEqual([]);
    const listed = await db.$queryRaw<{ word: string }[]>`SELECT word FROM "SearchWord" WHERE word LIKE 'client%'`;
    expect(listed.map((r) => r.word)).toEqual(["cliente"]);
  });
});

describe("the name search", () => {
  const numbers = async (user: SessionUser, q: string, caps?: SearchCaps) =>
    (await listOrders(user, orderSearchSchema.parse({ q }), { caps })).rows.map((r) => r.jumpsellerId).sort();
  const ways: [string, SearchCaps | undefined][] = [
    ["few candidates", undefined],
    ["common words", { oneWord: 1, checked: 1, mergedWords: 100 }],
    ["a begun word standing for many words", { oneWord: 1, checked: 1, mergedWords: 1 }],
  ];

  beforeAll(async () => {
    const order = (storeCode: string, jumpsellerId: number, customerName: string, customerEmail?: string) => ({
      storeId: world.stores[storeCode]!,
      jumpsellerId,
      status: "paid",
      totalCents: 1000,
      orderedAt: at(jumpsellerId - 80_000),
      customerName,
      customerEmail,
    });
    await world.test.db.order.createMany({
      data: [
        order("loja-do-mar", 80_001, "João Gonçalves Ávila", "jg@exemplo.pt"),
        order("casa-verde", 80_002, "Joana Gonçalves", "joana.g@exemplo.pt"),
        order("loja-do-mar", 80_003, "Gonçalves João", "x@exemplo.pt"),
        order("papelaria-lima", 80_004, "JOAO GONCALVES", "y@exemplo.pt"),
        order("loja-do-mar", 80_005, "Mariana Pereira", "ana.pereira77@exemplo.pt"),
        order("loja-do-mar", 80_006, "Rui Marques", "rui@gonzaga.pt"),
      ],
    });
  });

  for (const [way, caps] of ways) {
    it(`finds whole words, the last begun, in any case or accent (${way})`, async () => {
      const { admin, accountant, merchant } = world.users;
      expect(await numbers(admin, "joão gonçalves", caps)).toEqual([80_001, 80_004]);
      expect(await numbers(admin, "Joao Gon", caps)).toEqual([80_001, 80_004]);
      expect(await numbers(admin, "gonçalves", caps)).toEqual([80_001, 80_002, 80_003, 80_004]);
      expect(await numbers(admin, "goncalves avila", caps)).toEqual([80_001]);
      expect(await numbers(admin, "joão gonçalves ávila", caps)).toEqual([80_001]);
      expect(await numbers(admin, "rui gonçalves ávila", caps)).toEqual([]);
      // Words in another order, a word's middle, and the e-mail's domain are not matches.
      expect(await numbers(admin, "gonçalves joana", caps)).toEqual([]);
      expect(await numbers(admin, "onçalves", caps)).toEqual([]);
      expect(await numbers(admin, "gonzaga", caps)).toEqual([]);
      // The e-mail's words, before the @.
      expect(await numbers(admin, "ana pereira", caps)).toEqual([80_005]);
      expect(await numbers(admin, "pereira77", caps)).toEqual([80_005]);
      expect(await numbers(admin, "joana.g", caps)).toEqual([80_002]);
      // Within the user's stores only.
      expect(await numbers(accountant, "gonçalves", caps)).toEqual([80_001, 80_002, 80_003]);
      expect(await numbers(merchant, "gonçalves", caps)).toEqual([80_001, 80_003]);
      const chosenStore = await listOrders(
        admin,
        orderSearchSchema.parse({ q: "gonç", store: world.stores["casa-verde"] }),
        { caps },
      );
      expect(chosenStore.rows.map((r) => r.jumpsellerId)).toEqual([80_002]);
      const failedOnly = await listOrders(admin, orderSearchSchema.parse({ q: "gonç", state: "failed" }), { caps });
      expect(failedOnly.rows).toEqual([]);
    });
  }

  for (const [way, caps] of ways) {
    it(`pages through a common name newest first, forwards and back (${way})`, async () => {
      const storeId = world.stores["papelaria-lima"]!;
      await world.test.db.order.createMany({
        data: Array.from({ length: 130 }, (_, i) => ({
          storeId,
          jumpsellerId: 81_000 + i,
          status: "paid",
          totalCents: 100,
          // Pairs share a time, so the id breaks ties; every third is another name.
          orderedAt: at(Math.floor(i / 2)),
          customerName: i % 3 === 0 ? "Teresa Lopes" : "Teresa Almeida",
        })),
      });
      const expected = Array.from({ length: 130 }, (_, i) => i)
        .filter((i) => i % 3 !== 0)
        .map((i) => 81_000 + i)
        .reverse();
      const search = (values: Record<string, string>) => orderSearchSchema.parse({ q: "Teresa Alm", ...values });
      const seen: number[] = [];
      let page = await listOrders(world.users.admin, search({}), { caps });
      seen.push(...page.rows.map((r) => r.jumpsellerId));
      while (page.next) {
        page = await listOrders(world.users.admin, search({ cursor: page.next, dir: "next" }), { caps });
        seen.push(...page.rows.map((r) => r.jumpsellerId));
      }
      // Within one timestamp the order is by id, not by number: compare as pages of times.
      expect(seen.sort()).toEqual([...expected].sort());
      expect(seen.length).toBe(expected.length);
      const back = await listOrders(world.users.admin, search({ cursor: page.prev!, dir: "prev" }), { caps });
      expect(back.rows.length).toBe(50);
      const first = await listOrders(world.users.admin, search({}), { caps });
      const times = first.rows.map((r) => r.orderedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(first.rows[0]!.jumpsellerId).toBeGreaterThanOrEqual(81_128);
      await world.test.db.order.deleteMany({ where: { jumpsellerId: { gte: 81_000, lt: 81_200 } } });
    });
  }

  for (const [way, caps] of ways) {
    it(`pages through one begun word standing for several words, each order once, newest first (${way})`, async () => {
      const names = ["Bernardo Quintela", "Bernardete Quintas", "Quintino Quintela Quintas", "Bernardo Sousa"];
      const codes = ["loja-do-mar", "casa-verde", "papelaria-lima"];
      const made = Array.from({ length: 120 }, (_, i) => ({
        storeId: world.stores[codes[i % 3]!]!,
        jumpsellerId: 82_000 + i,
        status: "paid",
        totalCents: 100,
        orderedAt: at(Math.floor(i / 2)),
        customerName: names[i % 4]!,
      }));
      await world.test.db.order.createMany({ data: made });
      const expected = (storeIds: string[]) =>
        made
          .filter((o) => !o.customerName.endsWith("Sousa") && storeIds.includes(o.storeId))
          .map((o) => o.jumpsellerId)
          .sort();
      const walk = async (user: SessionUser) => {
        const seen: { n: number; at: number }[] = [];
        let page = await listOrders(user, orderSearchSchema.parse({ q: "quint" }), { caps });
        seen.push(...page.rows.map((r) => ({ n: r.jumpsellerId, at: r.orderedAt.getTime() })));
        while (page.next) {
          page = await listOrders(user, orderSearchSchema.parse({ q: "quint", cursor: page.next }), { caps });
          seen.push(...page.rows.map((r) => ({ n: r.jumpsellerId, at: r.orderedAt.getTime() })));
        }
        const back = await listOrders(user, orderSearchSchema.parse({ q: "quint", cursor: page.prev!, dir: "prev" }), {
          caps,
        });
        return { seen, lastPage: page.rows.length, back: back.rows.length };
      };
      const everyStore = await walk(world.users.admin);
      expect(everyStore.seen.map((s) => s.n).sort()).toEqual(expected(Object.values(world.stores)));
      expect(everyStore.seen.map((s) => s.at)).toEqual(everyStore.seen.map((s) => s.at).sort((a, b) => b - a));
      expect([everyStore.lastPage, everyStore.back]).toEqual([40, 50]);
      const ownStore = await walk(world.users.merchant);
      expect(ownStore.seen.map((s) => s.n).sort()).toEqual(expected([world.stores["loja-do-mar"]!]));
      const twoStores = await walk(world.users.accountant);
      expect(twoStores.seen.map((s) => s.n).sort()).toEqual(
        expected([world.stores["loja-do-mar"]!, world.stores["casa-verde"]!]),
      );
      await world.test.db.order.deleteMany({ where: { jumpsellerId: { gte: 82_000, lt: 82_200 } } });
    });
  }
});
