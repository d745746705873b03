// The events Ponte sends to Inngest. Every job event carries the job id and its dispatch number (the event
// id is "<jobId>:<dispatchCount>", so a deliberate retry is a new event and a repeated send is not), the
// store for the per-store concurrency limit, and a non-secret digest of the Vendus key for the throttle.
import { eventType } from "inngest";
import { z } from "zod";
import type { JobKind } from "@/lib/generated/prisma/enums";

export const jobEventDataSchema = z.object({
  jobId: z.string().min(1),
  storeId: z.string().min(1),
  dispatchCount: z.number().int().nonnegative(),
  vendusKey: z.string().min(1),
});
export type JobEventData = z.infer<typeof jobEventDataSchema>;

export const invoiceRequested = eventType("jumpseller/order.paid", { schema: jobEventDataSchema });
export const creditNoteRequested = eventType("app/credit-note.requested", { schema: jobEventDataSchema });
export const productChanged = eventType("jumpseller/product.changed", { schema: jobEventDataSchema });
export const stockChanged = eventType("jumpseller/product.stock-changed", { schema: jobEventDataSchema });

export const storeReconcileRequested = eventType("app/store.reconcile-requested", {
  schema: z.object({ storeId: z.string().min(1) }),
});

/** Builds one store's month-close report (lib/month-close); requestedAt identifies the request. */
export const monthCloseRequested = eventType("app/month-close.requested", {
  schema: z.object({
    closeId: z.string().min(1),
    storeId: z.string().min(1),
    year: z.number().int(),
    month: z.number().int().min(1).max(12),
    requestedAt: z.string().min(1),
    vendusKey: z.string().min(1),
  }),
});

/** Fetches one store's SAF-T for a bundle of every store's (lib/saft/bundle.ts); vendusKey for the throttle. */
export const saftBundleStoreRequested = eventType("app/saft-bundle.store-requested", {
  schema: z.object({
    bundleId: z.string().min(1),
    storeId: z.string().min(1),
    vendusKey: z.string().min(1),
  }),
});

/** The event that runs each kind of job. */
export const jobEventNames: Record<JobKind, string> = {
  invoice_order: invoiceRequested.name,
  credit_note: creditNoteRequested.name,
  sync_product: productChanged.name,
  sync_stock: stockChanged.name,
};
