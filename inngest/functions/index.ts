// Every function Ponte serves to Inngest (app/api/inngest/route.ts and the tests use this list).
import { dispatchWaiting } from "./dispatch-waiting";
import { invoiceOrder } from "./invoice-order";
import { issueCreditNoteFn } from "./issue-credit-note";
import { reconcileStore } from "./reconcile-store";
import { reconcileStores } from "./reconcile-stores";
import { syncProduct } from "./sync-product";
import { syncStock } from "./sync-stock";

export const functions = [invoiceOrder, issueCreditNoteFn, syncProduct, syncStock, reconcileStores, reconcileStore, dispatchWaiting];
