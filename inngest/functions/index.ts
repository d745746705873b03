// Every function Ponte serves to Inngest (app/api/inngest/route.ts and the tests use this list).
import { dispatchWaiting } from "./dispatch-waiting";
import { invoiceOrder } from "./invoice-order";

export const functions = [invoiceOrder, dispatchWaiting];
