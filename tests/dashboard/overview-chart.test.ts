// The overview chart's figures: invoiced amount (invoices' gross less the credit notes issued that day) and
// failures per Lisbon day over the last 30 days, for every visible store or one, to the cent. Documents are written as the pipeline writes them (the
// daily rollup follows by trigger) and failures go through failJob, as a run that gives up does.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { getOverviewChart, type ChartDay } from "@/lib/data/overview-chart";
import { resetEnvCache } from "@/lib/env";
import { failJob } from "@/lib/jobs/lifecycle";
import { createTestDatabase, type TestDatabase } from "../db";

// A summer day: Lisbon is an hour ahead of UTC, so 23:30 UTC is already the next day there.
const now = new Date("2026-07-15T10:00:00Z");

let test: TestDatabase;
const stores: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };
let accountant: SessionUser;
let merchant: SessionUser;

/** Only the days with something on them, as [day, net invoiced cents, credited cents, invoices, failures]. */
const busy = (days: ChartDay[]) =>
  days
    .filter((d) => d.invoicedCents || d.creditedCents || d.invoices || d.failures)
    .map((d) => [d.day, d.invoicedCents, d.creditedCents, d.invoices, d.failures]);

let sequence = 0;
async function issue(store: string, type: "FR" | "NC", at: string, grossCents: number) {
  sequence += 1;
  await test.db.document.create({
    data: {
      storeId: store,
      type,
      vendusId: sequence,
      number: `${type} T01P2026/${sequence}`,
      issuedAt: new Date(at),
      amountGrossCents: grossCents,
      amountNetCents: Math.round(grossCents / 1.23),
      externalReference: `js-test-${sequence}`,
      txId: `tx-${sequence}`,
      lines: [],
      taxes: [],
    },
  });
}

async function fail(store: string, at: string) {
  sequence += 1;
  const job = await test.db.job.create({
    data: { storeId: store, kind: "invoice_order", subject: String(sequence), status: "running" },
  });
  const failed = await failJob(
    test.db,
    { jobId: job.id, dispatchCount: 0 },
    { kind: "refused", code: "invalid_nif", message: "NIF inválido" },
    new Date(at),
  );
  expect(failed).not.toBeNull();
}

beforeAll(async () => {
  test = await createTestDatabase();
  vi.stubEnv("DATABASE_URL", test.url);
  resetEnvCache();
  for (const code of ["a", "b", "c"] as const) {
    stores[code] = (
      await test.db.store.create({ data: { code: `loja-${code}`, name: `Loja ${code.toUpperCase()}` } })
    ).id;
  }
  const user = async (email: string, role: "accountant" | "merchant", access: string[]) => {
    const row = await test.db.user.create({ data: { email, name: email, passwordHash: "x", role } });
    for (const storeId of access) await test.db.storeAccess.create({ data: { userId: row.id, storeId } });
    return { id: row.id, email, name: email, role, allStores: false, locale: "pt-PT" } satisfies SessionUser;
  };
  accountant = await user("contas@example.com", "accountant", [stores.a, stores.b]);
  merchant = await user("loja@example.com", "merchant", [stores.a]);

  await issue(stores.a, "FR", "2026-07-15T09:00:00Z", 12345);
  await issue(stores.a, "FR", "2026-07-14T23:30:00Z", 1001); // 00:30 on the 15th in Lisbon
  await issue(stores.a, "FR", "2026-07-14T22:59:00Z", 550); // 23:59 on the 14th in Lisbon
  await issue(stores.a, "FR", "2026-06-16T00:00:00Z", 777); // the window's first day (01:00 in Lisbon)
  await issue(stores.a, "FR", "2026-06-15T22:30:00Z", 99999); // 23:30 on 15 June: a day too early
  // Credit notes come off the invoiced amount on the Lisbon day they were issued, whichever day the invoice is from.
  await issue(stores.a, "NC", "2026-07-15T09:30:00Z", 5000);
  await issue(stores.a, "NC", "2026-07-14T23:10:00Z", 1234); // 00:10 on the 15th in Lisbon
  await issue(stores.a, "NC", "2026-07-01T10:00:00Z", 300); // a day without invoices: below zero
  await issue(stores.a, "NC", "2026-06-15T22:59:00Z", 99999); // 23:59 on 15 June: a day too early
  await issue(stores.b, "FR", "2026-07-15T08:00:00Z", 99);
  await issue(stores.b, "NC", "2026-07-15T08:30:00Z", 9);
  await issue(stores.c, "FR", "2026-07-15T08:00:00Z", 100000); // a store neither user may see
  await issue(stores.c, "NC", "2026-07-01T08:00:00Z", 100000);

  await fail(stores.a, "2026-07-15T09:10:00Z");
  await fail(stores.a, "2026-07-15T09:20:00Z");
  await fail(stores.a, "2026-07-01T12:00:00Z");
  await fail(stores.b, "2026-07-14T23:30:00Z"); // the 15th in Lisbon
  await fail(stores.c, "2026-07-15T09:00:00Z");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  resetEnvCache();
  await test?.drop();
});

describe("overview chart", () => {
  it("sums the visible stores' invoices less their credit notes, and failures, per Lisbon day over 30 days", async () => {
    const days = await getOverviewChart(accountant, {}, now);
    expect(days).toHaveLength(30);
    expect([days[0]!.day, days.at(-1)!.day]).toEqual(["2026-06-16", "2026-07-15"]);
    expect(busy(days)).toEqual([
      ["2026-06-16", 777, 0, 1, 0],
      ["2026-07-01", -300, 300, 0, 1],
      ["2026-07-14", 550, 0, 1, 0],
      ["2026-07-15", 12345 + 1001 + 99 - 5000 - 1234 - 9, 5000 + 1234 + 9, 3, 3],
    ]);
    expect(busy(days).find(([day]) => day === "2026-07-15")![1]).toBe(7202);
  });

  it("shows one store when asked, and nothing of a store the user may not see", async () => {
    expect(busy(await getOverviewChart(accountant, { storeId: stores.b }, now))).toEqual([["2026-07-15", 90, 9, 1, 1]]);
    expect(busy(await getOverviewChart(merchant, {}, now))).toEqual([
      ["2026-06-16", 777, 0, 1, 0],
      ["2026-07-01", -300, 300, 0, 1],
      ["2026-07-14", 550, 0, 1, 0],
      ["2026-07-15", 7112, 6234, 2, 2],
    ]);
    expect(busy(await getOverviewChart(merchant, { storeId: stores.c }, now))).toEqual([]);
    expect(busy(await getOverviewChart(accountant, { storeId: stores.c }, now))).toEqual([]);
  });
});
