// The dashboard benchmark's scenarios: each page's server-side data work, as the page runs it (the lib/data calls,
// together where the page makes them together), for an accountant with every store, one with 50 stores, a
// merchant and an admin. Imported once DATABASE_URL names the benchmark's database (lib/db reads it on import).
import type pg from "pg";
import { findVisibleStore, type SessionUser } from "../../lib/access";
import { db } from "../../lib/db";
import { listAuditEvents, listRejectedDeliveries, auditSearchSchema } from "../../lib/data/audit";
import { getInvoiceBalances } from "../../lib/data/credit-notes";
import { listFailureGroups } from "../../lib/data/failure-groups";
import { listJobs, jobSearchSchema, jobStatuses, jobKinds } from "../../lib/data/jobs";
import { listMonthCloses, parseMonthParam } from "../../lib/data/month-close";
import { findVisibleOrder, getOrderDetail } from "../../lib/data/order-detail";
import { getOrderTimeline } from "../../lib/data/order-timeline";
import { listOrders, orderSearchSchema, invoiceStates } from "../../lib/data/orders";
import { listOssThreshold } from "../../lib/data/oss-threshold";
import { listOpenOutages } from "../../lib/data/outages";
import { getOverview } from "../../lib/data/overview";
import { getOverviewChart } from "../../lib/data/overview-chart";
import { listStoreOptions, getStoreDetail } from "../../lib/data/stores";
import { encodeCursor } from "../../lib/keyset";
import { latestBundle } from "../../lib/saft/bundle-access";

export interface Scenario {
  page: string;
  name: string;
  run: () => Promise<unknown>;
}

/** Every scenario; `bare` (a connection to the same database) picks the orders, cursors and names they use. */
export async function dashboardScenarios(bare: pg.Client): Promise<Scenario[]> {
  const user = (id: string, role: SessionUser["role"], allStores: boolean): SessionUser => ({
    id,
    role,
    allStores,
    email: `${id}@bench`,
    name: id,
    locale: "pt-PT",
  });
  const admin = user("u-admin", "admin", false);
  const all = user("u-all", "accountant", true);
  const fifty = user("u-acc50", "accountant", false);
  const merchant = user("u-merchant", "merchant", false);

  const one = async <T>(sql: string, values: unknown[] = []) => (await bare.query(sql, values)).rows[0] as T;
  const monthsAgo = (n: number) => new Date(Date.now() - n * 30 * 86400_000);
  const orderAt = async (before: Date, storeId?: string) => {
    const row = await one<{ at: Date; id: string }>(
      `SELECT "orderedAt" AS at, id FROM "Order" WHERE "orderedAt" <= $1 ${storeId ? `AND "storeId" = $2` : ""}
       ORDER BY "orderedAt" DESC, id DESC LIMIT 1`,
      storeId ? [before, storeId] : [before],
    );
    return encodeCursor(row);
  };
  const jobAt = async (before: Date) => {
    const row = await one<{ at: Date; id: string }>(
      `SELECT "updatedAt" AS at, id FROM "Job" WHERE "updatedAt" <= $1 ORDER BY "updatedAt" DESC, id DESC LIMIT 1`,
      [before],
    );
    return encodeCursor(row);
  };
  const auditAt = async (before: Date) => {
    const row = await one<{ at: Date; id: string }>(
      `SELECT at, id FROM "AuditEvent" WHERE at <= $1 ORDER BY at DESC, id DESC LIMIT 1`,
      [before],
    );
    return encodeCursor(row);
  };
  const sample = await one<{ jumpsellerId: number; nif: string; email: string; name: string }>(
    `SELECT "jumpsellerId", nif, "customerEmail" AS email, "customerName" AS name FROM "Order"
     WHERE "storeId" = 'store0001' AND nif IS NOT NULL ORDER BY "orderedAt" DESC LIMIT 1 OFFSET 1000`,
  );
  const credited = await one<{ id: string }>(
    `SELECT id FROM "Order" WHERE "storeId" = 'store0001' AND "invoiceState" = 'credited'
     ORDER BY "orderedAt" DESC LIMIT 1`,
  );
  const failedOrder = await one<{ id: string }>(
    `SELECT id FROM "Order" WHERE "storeId" = 'store0030' AND "invoiceState" = 'failed' ORDER BY "orderedAt" DESC LIMIT 1`,
  );
  const deep = { y1: await orderAt(monthsAgo(12)), y3: await orderAt(monthsAgo(35)) };
  const deepMerchant = await orderAt(monthsAgo(24), "store0001");
  let page21: string | undefined;
  {
    let p = await listOrders(all, orderSearchSchema.parse({}));
    for (let i = 0; i < 20 && p.next; i++) p = await listOrders(all, orderSearchSchema.parse({ cursor: p.next }));
    page21 = p.next ?? undefined;
  }

  const scenarios: Scenario[] = [];
  const add = (page: string, name: string, run: () => Promise<unknown>) => scenarios.push({ page, name, run });

  // Overview.
  // Overview: the stores' figures, the open outages and the 30-day chart, together as the page reads them.
  const overview = (u: SessionUser) => () =>
    Promise.all([getOverview(u), listOpenOutages(u), getOverviewChart(u, { storeId: null })]);
  add("overview", "all stores (1,000)", overview(all));
  add("overview", "accountant, 50 stores", overview(fifty));
  add("overview", "merchant, own store", overview(merchant));

  // Orders: the page loads the store menu and the list together.
  const orders = (u: SessionUser, params: Record<string, string>) => () =>
    Promise.all([listStoreOptions(u), listOrders(u, orderSearchSchema.parse(params))]);
  add("orders", "all, first page", orders(all, {}));
  for (const state of invoiceStates) add("orders", `all, state ${state}`, orders(all, { state }));
  add("orders", "all, oldest first", orders(all, { sort: "asc" }));
  add("orders", "all, 21st page (keyset)", orders(all, { cursor: page21 ?? "" }));
  add("orders", "all, page a year back", orders(all, { cursor: deep.y1 }));
  add("orders", "all, page 35 months back", orders(all, { cursor: deep.y3 }));
  add("orders", "all, previous page a year back", orders(all, { cursor: deep.y1, dir: "prev" }));
  add("orders", "all, big store filter", orders(all, { store: "store0001" }));
  add("orders", "all, small store, failed", orders(all, { store: "store0500", state: "failed" }));
  add("orders", "50 stores, first page", orders(fifty, {}));
  add("orders", "50 stores, failed", orders(fifty, { state: "failed" }));
  add("orders", "50 stores, page a year back", orders(fifty, { cursor: deep.y1 }));
  add("orders", "merchant, first page", orders(merchant, {}));
  add("orders", "merchant, pending", orders(merchant, { state: "pending" }));
  add("orders", "merchant, page two years back", orders(merchant, { cursor: deepMerchant }));
  add("orders", "search: order number", orders(all, { q: `#${sample.jumpsellerId}` }));
  add("orders", "search: NIF", orders(all, { q: sample.nif }));
  add("orders", "search: full e-mail", orders(all, { q: sample.email }));
  add("orders", "search: e-mail part", orders(all, { q: sample.email.split("@")[0]!.slice(2) + "@" }));
  add("orders", "search: full name", orders(all, { q: sample.name }));
  add("orders", "search: common name", orders(all, { q: "Maria Silva" }));
  add("orders", "search: no match", orders(all, { q: "Zacarias Inexistente" }));
  add("orders", "search: one common word", orders(all, { q: "Silva" }));
  add("orders", "50 stores, search one word", orders(fifty, { q: sample.name.split(" ").at(-1)! }));
  add("orders", "50 stores, search name", orders(fifty, { q: sample.name.split(" ").slice(0, 2).join(" ") }));
  add("orders", "merchant, search name", orders(merchant, { q: sample.name }));
  add("orders", "merchant, search e-mail", orders(merchant, { q: sample.email }));

  // Jobs.
  const jobs = (u: SessionUser, params: Record<string, string>) => () =>
    Promise.all([listStoreOptions(u), listJobs(u, jobSearchSchema.parse(params))]);
  add("jobs", "all, first page", jobs(all, {}));
  for (const status of jobStatuses) add("jobs", `all, ${status}`, jobs(all, { status }));
  for (const kind of jobKinds) add("jobs", `all, kind ${kind}`, jobs(all, { kind }));
  add("jobs", "all, page a year back", jobs(all, { cursor: await jobAt(monthsAgo(12)) }));
  add("jobs", "all, failed, big store", jobs(all, { status: "failed", store: "store0001" }));
  add("jobs", "50 stores, first page", jobs(fifty, {}));
  add("jobs", "50 stores, failed", jobs(fifty, { status: "failed" }));
  add("jobs", "merchant, failed", jobs(merchant, { status: "failed" }));
  // The jobs page's failures grouped by cause (lib/data/failure-groups.ts), as the page reads them.
  add("jobs", "failures by cause, all", () => listFailureGroups(all));
  add("jobs", "failures by cause, 50 stores", () => listFailureGroups(fifty));
  add("jobs", "failures by cause, merchant", () => listFailureGroups(merchant));
  add("jobs", "failures by cause, one store", () => listFailureGroups(all, { store: "store0030" }));

  // Store page (its layout checks visibility first).
  const storePage = (u: SessionUser, id: string) => async () => {
    await findVisibleStore(u, id);
    return getStoreDetail(u, id);
  };
  add("store", "all stores", storePage(all, "store0001"));
  add("store", "accountant, 50 stores", storePage(fifty, "store0030"));
  add("store", "merchant", storePage(merchant, "store0001"));

  // Order page: visibility (layout), the order with documents and jobs, then the invoices' balances.
  const orderPage = (u: SessionUser, id: string) => async () => {
    await findVisibleOrder(u, id);
    const [order] = await Promise.all([getOrderDetail(u, id), getOrderTimeline(u, id)]);
    const invoices = (order?.documents ?? []).filter((d) => d.type !== "NC");
    return getInvoiceBalances(u, invoices);
  };
  add("order", "credited order, all stores", orderPage(all, credited.id));
  add("order", "credited order, merchant", orderPage(merchant, credited.id));
  add("order", "failed order, 50 stores", orderPage(fifty, failedOrder.id));

  // Audit: the store menu, the events and the refused deliveries.
  const audit = (u: SessionUser, params: Record<string, string>) => () => {
    const search = auditSearchSchema.parse(params);
    return Promise.all([listStoreOptions(u), listAuditEvents(u, search), listRejectedDeliveries(u, search.store)]);
  };
  add("audit", "admin", audit(admin, {}));
  add("audit", "all stores", audit(all, {}));
  add("audit", "all stores, a year back", audit(all, { cursor: await auditAt(monthsAgo(12)) }));
  add("audit", "accountant, 50 stores", audit(fifty, {}));
  add("audit", "merchant", audit(merchant, {}));
  add("audit", "one store", audit(all, { store: "store0500" }));

  // Month close: one row per visible store with its stored report, the month's SAF-T bundle and the OSS
  // threshold of the year, as the page reads them.
  const monthClose = (u: SessionUser, month?: string) => () => {
    const period = parseMonthParam(month);
    return Promise.all([listMonthCloses(u, period), latestBundle(db, u, period), listOssThreshold(db, u, period.year)]);
  };
  add("month", "all stores (1,000 reports)", monthClose(all));
  add("month", "accountant, 50 stores", monthClose(fifty));
  add("month", "merchant", monthClose(merchant));
  add("month", "all stores, month not checked", monthClose(all, "2025-01"));

  return scenarios;
}
