// PostgreSQL going away in the middle of a burst of 200 paid orders: twice, Ponte's connections are killed and
// the database refuses new ones for a while. Deliveries that arrive meanwhile are answered 503 and redelivered
// by the shops; steps that meet the database away are retried, and runs whose retries run out leave their job
// to the minute sweeps (on the test's clock). In the end Vendus holds exactly 200 invoices, one per order.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dispatchWaitingJobs, staleRunningAfterMs } from "@/lib/jobs/dispatch";
import { watchOutages } from "@/lib/outages/watch";
import { pipelineServices } from "@/lib/pipeline/services";
import { placePaidOrder, startHarness, type Harness, type HarnessStore } from "../pipeline/harness";
import { adminDatabaseUrl } from "../test-env";

const STORES = 4;
const ORDERS = 200;

let h: Harness | undefined;
let admin: pg.Client | undefined;
afterEach(async () => {
  await admin?.query(`ALTER DATABASE ${h!.test.name} ALLOW_CONNECTIONS true`).catch(() => undefined);
  await admin?.end();
  admin = undefined;
  await h?.close();
  h = undefined;
});

/** The database refuses new connections and every connection Ponte holds is killed (the admin's survives). */
async function takeDatabaseAway(h: Harness, admin: pg.Client) {
  await admin.query(`ALTER DATABASE ${h.test.name} ALLOW_CONNECTIONS false`);
  const killed = await admin.query<{ killed: boolean }>(
    `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [h.test.name],
  );
  return killed.rowCount ?? 0;
}

async function bringDatabaseBack(h: Harness, admin: pg.Client) {
  await admin.query(`ALTER DATABASE ${h.test.name} ALLOW_CONNECTIONS true`);
}

function invoicesInVendus(h: Harness) {
  return h.vendus.control.documents().filter((d) => d.type === "FR");
}

/** Runs of the invoice function that ended failed: their retries ran out. */
function runsGivenUp(h: Harness) {
  return h.standIn.runs().filter((r) => r.functionId === "ponte-invoice-order" && r.status === "failed").length;
}

/** The deliveries of these orders' order_paid hooks that were answered 503 (each order's body names its id). */
function refusedDeliveries(store: HarnessStore, orderIds: number[]) {
  const ids = new Set(orderIds);
  return store.control
    .deliveries()
    .filter((d) => d.status === 503 && ids.has((JSON.parse(d.body) as { order?: { id?: number } }).order?.id ?? -1));
}

/**
 * One pass of the minute sweeps (dispatch-waiting and watch-outages) on the test's clock, a running job's lease
 * on: the jobs whose run died while the database was away (left running, or queued) are sent again, and
 * parked jobs whose delay has passed.
 */
async function sweepAfterLease(h: Harness) {
  const at = new Date(h.clock.now().getTime() + staleRunningAfterMs);
  h.clock.set(at);
  await dispatchWaitingJobs(h.db, undefined, at);
  await watchOutages({ services: pipelineServices() }, at);
}

/** Those sweeps, each followed by the work it started, until every job has finished. */
async function sweepUntilFinished(h: Harness) {
  for (let round = 0; round < 5; round++) {
    await h.settle();
    const open = await h.db.job.count({ where: { status: { notIn: ["succeeded", "skipped", "failed"] } } });
    if (open === 0) return round;
    await sweepAfterLease(h);
  }
  await h.settle();
  // Not finished: what is left, so that a failure says which jobs and why.
  const left = await h.db.job.findMany({
    where: { status: { notIn: ["succeeded", "skipped", "failed"] } },
    select: {
      status: true,
      subject: true,
      lastErrorCode: true,
      lastErrorParams: true,
      dispatchCount: true,
      storeId: true,
    },
  });
  console.error("Jobs left unfinished after 5 sweeps:", JSON.stringify(left, null, 1));
  return Number.POSITIVE_INFINITY;
}

describe("PostgreSQL connections killed in the middle of a burst", { timeout: 10 * 60_000 }, () => {
  it("answers 503 while the database is away and ends with one invoice per order, 200 in all", async () => {
    h = await startHarness({
      stores: STORES,
      hooks: ["order_paid"],
      idleTimeoutMs: 5 * 60_000,
      // Jumpseller redelivers a refused hook after growing delays; here in real milliseconds.
      webhookRetryDelaysMs: [200, 400, 800, 1_600, 3_200, 6_400],
      // The database's retry delays (5 s, 15 s, 45 s…) are not waited out in real time.
      maxRetryAfterMs: 50,
      // The 50 ms cap lets the database's waits pass quickly, but would also cut Jumpseller's one-second rate-limit
      // resets short (Ponte waits them out in full): the shops' limits are off, as they are not what this tests.
      jumpsellerRateLimit: false,
    });
    admin = new pg.Client({ connectionString: adminDatabaseUrl });
    await admin.connect();
    const current = h;
    const paid: { store: HarnessStore; id: number }[] = [];
    const pay = (count: number) => {
      const batch: { store: HarnessStore; id: number }[] = [];
      for (let n = 0; n < count; n++) {
        const store = current.stores[paid.length % STORES]!;
        const order = { store, id: placePaidOrder(current, { store }).id };
        paid.push(order);
        batch.push(order);
      }
      return batch;
    };

    const killed: number[] = [];
    for (let outage = 0; outage < 2; outage++) {
      // A quarter of the burst is paid; once some of it is being invoiced, the database goes away.
      const before = invoicesInVendus(h).length;
      pay(ORDERS / 4);
      await vi.waitFor(() => expect(invoicesInVendus(current).length).toBeGreaterThan(before + 5), {
        timeout: 120_000,
        interval: 10,
      });
      const givenUp = runsGivenUp(h);
      killed.push(await takeDatabaseAway(h, admin));
      // Orders paid while it is away: every one of their deliveries is refused with a 503 at least once.
      const whileAway = pay(ORDERS / 4);
      await vi.waitFor(
        () => {
          for (const store of current.stores) {
            const ids = whileAway.filter((o) => o.store === store).map((o) => o.id);
            const refused = new Set(refusedDeliveries(store, ids).map((d) => d.body));
            expect(refused.size).toBe(ids.length);
          }
        },
        { timeout: 120_000, interval: 20 },
      );
      // It stays away until a run has used up its retries on it (its job left to the sweeps).
      await vi.waitFor(() => expect(runsGivenUp(current)).toBeGreaterThan(givenUp), { timeout: 120_000, interval: 20 });
      await bringDatabaseBack(h, admin);
      // A run that used up its retries while the database was away left its job running, and the store's later
      // invoices wait behind it (payment order) until the sweep sends it again: once its lease has passed.
      await sweepAfterLease(h);
    }
    expect(killed.every((n) => n > 0)).toBe(true);

    expect(await sweepUntilFinished(h)).toBeLessThan(5);

    // Vendus: exactly one invoice per order, none for anything else, no transaction sent twice.
    const invoices = invoicesInVendus(h);
    expect(invoices).toHaveLength(ORDERS);
    expect(new Set(invoices.map((d) => d.external_reference))).toEqual(
      new Set(paid.map((o) => `js-${o.store.storeCode}-${o.id}`)),
    );
    expect(new Set(invoices.map((d) => d.tx_id)).size).toBe(ORDERS);
    // Ponte: every order invoiced and its job succeeded; nothing failed.
    expect(await h.db.order.count({ where: { invoiceState: "invoiced" } })).toBe(ORDERS);
    expect(await h.db.document.count({ where: { type: "FR" } })).toBe(ORDERS);
    expect(await h.db.job.groupBy({ by: ["status"], _count: { _all: true } })).toEqual([
      { status: "succeeded", _count: { _all: ORDERS } },
    ]);
    // Nobody was told of a failure.
    expect(h.resend.emails()).toEqual([]);
  });
});
