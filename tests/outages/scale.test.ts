// Outages at the scale of a busy day: 300 orders paid across 10 stores while a service is down for two hours
// (the watch-outages sweep runs every minute on a clock the test controls). When the service is back, every
// order is invoiced exactly once, in payment order within its store, each store hears of the outage at most
// twice (when it starts, when it ends), nobody acts, and no job is ever shown as failed.
import { afterEach, describe, expect, it } from "vitest";
import { watchOutages } from "@/lib/outages/watch";
import { pipelineServices } from "@/lib/pipeline/services";
import { placePaidOrder, startHarness, vendusDocumentsFor, type Harness, type HarnessStore } from "../pipeline/harness";

const STORES = 10;
const PER_STORE = Number(process.env.PONTE_SCALE_PER_STORE ?? 30);
const minutes = (n: number) => n * 60_000;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start() {
  // Settling 300 runs on a loaded two-core machine can take minutes (see the note in the test's describe).
  h = await startHarness({ stores: STORES, hooks: ["order_paid"], idleTimeoutMs: 10 * 60_000 });
  return h;
}

/** 30 orders per store, paid one store after another in turn (payment order is creation order per store). */
function payOrders(h: Harness) {
  const paid = new Map<HarnessStore, ReturnType<typeof placePaidOrder>[]>(h.stores.map((s) => [s, []]));
  for (let n = 0; n < PER_STORE; n++) {
    for (const store of h.stores) paid.get(store)!.push(placePaidOrder(h, { store }));
  }
  return paid;
}

/** The next instant something is due: a breaker's probe, or a parked job's retry. */
async function nextDue(h: Harness): Promise<number> {
  const [probe, retry] = await Promise.all([
    h.db.serviceBreaker.aggregate({ where: { openedAt: { not: null } }, _min: { nextProbeAt: true } }),
    h.db.job.aggregate({ where: { status: "waiting" }, _min: { retryAt: true } }),
  ]);
  const times = [probe._min.nextProbeAt, retry._min.retryAt].flatMap((d) => (d ? [d.getTime()] : []));
  return times.length ? Math.min(...times) : Number.POSITIVE_INFINITY;
}

/**
 * The watch-outages cron on the test's clock from `from` for `span`: a sweep at each minute where something is
 * due (the minutes between, nothing is), the runs it starts let finish before the next. Returns the end.
 */
async function sweep(h: Harness, from: Date, span: number) {
  const end = from.getTime() + span;
  for (let at = from.getTime(); at < end;) {
    h.clock.set(new Date(at));
    const report = await watchOutages({ services: pipelineServices() }, new Date(at));
    if (report.resumed > 0 || report.probes.some((p) => p.up)) {
      await h.settle();
    }
    const due = await nextDue(h);
    at = Math.max(at + minutes(1), at + Math.ceil((due - at) / minutes(1)) * minutes(1));
  }
  return new Date(end);
}

/**
 * Every job waits for the service, or (a run already past its start when the breaker opened) behind an
 * earlier-paid order of its store, which waits for the service.
 */
async function expectAllWaiting(h: Harness, service: "vendus" | "jumpseller") {
  const jobs = await h.db.job.groupBy({ by: ["status", "waitingFor"], _count: { _all: true } });
  for (const group of jobs) {
    expect(group.status).toBe("waiting");
    expect([service, "behind_earlier_order"]).toContain(group.waitingFor);
  }
  expect(jobs.find((g) => g.waitingFor === service)?._count._all).toBeGreaterThan(0);
  expect(jobs.reduce((sum, g) => sum + g._count._all, 0)).toBe(STORES * PER_STORE);
}

async function expectNothingFailed(h: Harness) {
  expect(await h.db.job.count({ where: { status: "failed" } })).toBe(0);
  expect(await h.db.jobEvent.count({ where: { type: "failed" } })).toBe(0);
  expect(await h.db.order.count({ where: { invoiceState: "failed" } })).toBe(0);
  expect(await h.db.storeDailyFailures.count()).toBe(0);
}

/** Every order invoiced once, and (unless told otherwise) in payment order within its store. */
async function expectAllInvoicedOnce(
  h: Harness,
  paid: Map<HarnessStore, ReturnType<typeof placePaidOrder>[]>,
  { inPaymentOrder = true } = {},
) {
  for (const [store, orders] of paid) {
    for (const order of orders) expect(vendusDocumentsFor(h, order.id, store)).toHaveLength(1);
    if (!inPaymentOrder) continue;
    const issued = h.vendus.control
      .documents()
      .filter((d) => d.type === "FR" && d.external_reference.startsWith(`js-${store.storeCode}-`))
      .sort((a, b) => a.id - b.id)
      .map((d) => d.external_reference);
    expect(issued).toEqual(orders.map((o) => `js-${store.storeCode}-${o.id}`));
  }
  expect(await h.db.job.count({ where: { status: "succeeded" } })).toBe(STORES * PER_STORE);
  expect(await h.db.order.count({ where: { invoiceState: "invoiced" } })).toBe(STORES * PER_STORE);
  await expectNothingFailed(h);
}

function emailsByStore(h: Harness) {
  return new Map(
    h.stores.map((store) => {
      const address = store.storeId === h.storeId ? "loja@example.com" : `loja${h.stores.indexOf(store)}@example.com`;
      return [store, h.resend.emails().filter((e) => e.to.includes(address))];
    }),
  );
}

/** Every store was told twice, in Portuguese: when the service stopped answering, and when it answered again. */
function expectOutageEmails(h: Harness, service: "Vendus" | "Jumpseller") {
  const byStore = emailsByStore(h);
  for (const [store, emails] of byStore) {
    expect(emails.map((e) => e.subject)).toEqual([
      `Ponte: a ${service} não responde (${store.name})`,
      `Ponte: a ${service} voltou a responder (${store.name})`,
    ]);
  }
  return byStore;
}

/** Waits the outage out: two hours of sweeps while down, then `heal()`, then sweeps until every order is done. */
async function waitOutTwoHours(h: Harness, heal: () => void) {
  const breakers = await h.db.serviceBreaker.findMany({ where: { openedAt: { not: null } } });
  const from = new Date(Math.max(...breakers.map((b) => b.openedAt!.getTime())) + 1_000);
  const end = await sweep(h, from, minutes(120));
  await expectNothingFailed(h);
  expect(await h.db.job.count({ where: { status: { not: "waiting" } } })).toBe(0);
  heal();
  // The breakers' probes are at most 30 minutes apart: within the next half hour every store resumes.
  const after = await sweep(h, end, minutes(31));
  await h.settle();
  await sweep(h, after, minutes(2));
  return breakers;
}

// Each test takes about 15 s of CPU; on a machine whose cores are shared by other work (load 20 on two cores
// here), a process gets a fraction of a core and every database round trip waits for the scheduler, so
// the tests allow minutes. PONTE_SCALE_PER_STORE runs them smaller.
describe("outages at scale (300 orders, 10 stores, two hours)", { timeout: 20 * 60_000 }, () => {
  it("waits out a two-hour Vendus outage (503) and then invoices all 300 orders once each, in payment order", async () => {
    const h = await start();
    h.vendus.control.failNext({ count: Number.POSITIVE_INFINITY, status: 503 });
    const paid = payOrders(h);
    await h.settle();

    await expectAllWaiting(h, "vendus");
    // One breaker per Vendus key, each opened by a few POSTs: the other jobs never called Vendus.
    const breakers = await waitOutTwoHours(h, () => h.vendus.control.clearFaults());
    expect(breakers).toHaveLength(STORES);

    await expectAllInvoicedOnce(h, paid);
    for (const emails of expectOutageEmails(h, "Vendus").values()) {
      expect(emails[1]!.text).toContain(`foram emitidas ${PER_STORE} faturas`);
    }
  });

  it("waits out a two-hour Jumpseller outage (reading the order fails) the same way", async () => {
    const h = await start();
    const paid = payOrders(h);
    for (const store of h.stores) store.control.failNext(Number.POSITIVE_INFINITY, { status: 503 });
    await h.settle();

    await expectAllWaiting(h, "jumpseller");
    expect(h.vendus.control.requests()).toHaveLength(0);
    const breakers = await waitOutTwoHours(h, () => {
      for (const store of h.stores) store.control.clearFaults();
    });
    expect(breakers).toHaveLength(STORES);

    await expectAllInvoicedOnce(h, paid);
    expectOutageEmails(h, "Jumpseller");
  });

  it("keeps one document per order when Vendus commits invoices but times out during the outage", async () => {
    const h = await start();
    // Vendus takes the POSTs and stores the invoices, but its answers never arrive in time; everything else
    // (the lookups by external_reference, the probes) answers 503.
    h.vendus.control.loseNextDocumentResponse({ kind: "delay", delayMs: 3_000, count: Number.POSITIVE_INFINITY });
    h.vendus.control.failNext({ count: Number.POSITIVE_INFINITY, status: 503, method: "GET" });
    const paid = payOrders(h);
    await h.settle();

    const committed = h.vendus.control.documents().filter((d) => d.type === "FR");
    expect(committed.length).toBeGreaterThanOrEqual(STORES);
    await expectAllWaiting(h, "vendus");
    await waitOutTwoHours(h, () => h.vendus.control.clearFaults());

    // In payment order too: a store's invoice waits for the earlier-paid orders' invoices, whatever order
    // the runs started in, and one Vendus committed without answering is found, not posted again.
    await expectAllInvoicedOnce(h, paid);
    // The committed invoices were found by their external_reference, not posted again.
    const posts = h.vendus.control.requests({ method: "POST", pathPrefix: "/documents/" });
    expect(posts).toHaveLength(STORES * PER_STORE);
    for (const doc of committed) {
      expect(
        posts.filter((p) => (p.body as { external_reference?: string }).external_reference === doc.external_reference),
      ).toHaveLength(1);
    }
    for (const emails of emailsByStore(h).values()) expect(emails.length).toBeLessThanOrEqual(2);
  });
});
