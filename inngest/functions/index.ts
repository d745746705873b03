// Every function Ponte serves to Inngest (app/api/inngest/route.ts and the tests use this list).
import { buildMonthClose } from "./build-month-close";
import { dispatchWaiting } from "./dispatch-waiting";
import { exportSaftForBundle } from "./export-saft-for-bundle";
import { invoiceOrder } from "./invoice-order";
import { issueCreditNoteFn } from "./issue-credit-note";
import { reconcileStore } from "./reconcile-store";
import { reconcileStores } from "./reconcile-stores";
import { syncProduct } from "./sync-product";
import { syncStock } from "./sync-stock";
import { watchOutages } from "./watch-outages";

export const functions = [
  invoiceOrder,
  issueCreditNoteFn,
  syncProduct,
  syncStock,
  reconcileStores,
  reconcileStore,
  dispatchWaiting,
  watchOutages,
  buildMonthClose,
  exportSaftForBundle,
];
