// A paid order becomes one invoice in Vendus, attached to the Jumpseller order. The step bodies are plain
// functions in lib/pipeline/ (see lib/pipeline/invoice.ts for how "exactly one invoice" is kept).
import { attachDocumentToOrder, noteDocumentOnOrder } from "@/lib/pipeline/attach";
import { issueInvoice, prepareInvoice } from "@/lib/pipeline/invoice";
import { pipelineServices } from "@/lib/pipeline/services";
import { inngest } from "../client";
import { invoiceRequested } from "../events";
import { finishStep, guarded, jobRetries, onJobFailure, runRef, startStep } from "../job-steps";

/**
 * Documents of one store are issued one at a time, invoices and credit notes alike (one key shared across
 * functions): Vendus numbers them in sequence and refuses a date earlier than the last document's.
 */
export const storeDocumentsConcurrency: [{ scope: "env"; key: string; limit: number }] = [
  { scope: "env", key: '"documents:" + event.data.storeId', limit: 1 },
];
/** Per Vendus API key (a non-secret digest of it): Vendus limits calls per key, not per store. */
export const vendusThrottle = { key: "event.data.vendusKey", limit: 60, period: "1m" as const };

export const invoiceOrder = inngest.createFunction(
  {
    id: "invoice-order",
    name: "Invoice a paid order",
    triggers: [invoiceRequested],
    retries: jobRetries,
    concurrency: storeDocumentsConcurrency,
    throttle: vendusThrottle,
    onFailure: onJobFailure,
  },
  async ({ event, step, runId }) => {
    const ref = runRef(event.data);
    const services = pipelineServices();
    const started = await step.run("start", () => startStep(ref, runId));
    if (started.state !== "started") return { ran: false, reason: started.state };

    const prepared = await step.run("read-order-and-build", guarded(ref, () => prepareInvoice(services, ref)));
    if (prepared.next === "skip") {
      await step.run("skip", finishStep(ref, { status: "skipped", message: prepared.reason }));
      return { ran: true, skipped: prepared.reason };
    }
    const documentId =
      prepared.next === "done"
        ? prepared.documentId
        : (await step.run("issue-in-vendus", guarded(ref, () => issueInvoice(services, ref)))).documentId;

    await step.run("attach-to-jumpseller-order", guarded(ref, () => attachDocumentToOrder(services, ref, documentId)));
    await step.run("add-order-history-note", guarded(ref, () => noteDocumentOnOrder(services, ref, documentId)));
    await step.run("finish", finishStep(ref, { status: "succeeded" }));
    return { ran: true, documentId };
  },
);
