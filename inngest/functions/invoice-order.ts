// A paid order becomes one invoice in Vendus, attached to the Jumpseller order. The step bodies are plain
// functions in lib/pipeline/ (see lib/pipeline/invoice.ts for how "exactly one invoice" is kept).
import { invoiceRequested } from "@/lib/inngest/events";
import { issueInvoice, prepareInvoice } from "@/lib/pipeline/invoice";
import { storeDocumentsConcurrency } from "../flow-control";
import { attachDocumentAndFinish, guardedStep, jobFunction, skipRun } from "../job-function";

export const invoiceOrder = jobFunction(
  {
    id: "invoice-order",
    name: "Invoice a paid order",
    trigger: invoiceRequested,
    concurrency: storeDocumentsConcurrency,
  },
  async (run) => {
    const { ref, services } = run;
    const prepared = await guardedStep(run, "read-order-and-build", () => prepareInvoice(services, ref));
    if (prepared.next === "skip") return skipRun(run, prepared);
    const documentId =
      prepared.next === "done"
        ? prepared.documentId
        : (await guardedStep(run, "issue-in-vendus", () => issueInvoice(services, ref))).documentId;
    return attachDocumentAndFinish(run, documentId);
  },
);
