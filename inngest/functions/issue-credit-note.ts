// A credit note for an issued invoice: asked for by a user, or automatic when an invoiced order is
// cancelled and the store wants it. Steps in lib/pipeline/credit-note.ts.
import { attachDocumentToOrder, noteDocumentOnOrder } from "@/lib/pipeline/attach";
import { issueCreditNote, prepareCreditNote } from "@/lib/pipeline/credit-note";
import { pipelineServices } from "@/lib/pipeline/services";
import { inngest } from "../client";
import { creditNoteRequested } from "../events";
import { finishStep, guarded, jobRetries, onJobFailure, runRef, startStep } from "../job-steps";
import { storeDocumentsConcurrency, vendusThrottle } from "./invoice-order";

export const issueCreditNoteFn = inngest.createFunction(
  {
    id: "issue-credit-note",
    name: "Issue a credit note",
    triggers: [creditNoteRequested],
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

    const prepared = await step.run("read-invoice-and-build", guarded(ref, () => prepareCreditNote(services, ref)));
    const documentId =
      prepared.next === "done"
        ? prepared.documentId
        : (await step.run("issue-in-vendus", guarded(ref, () => issueCreditNote(services, ref)))).documentId;

    await step.run("attach-to-jumpseller-order", guarded(ref, () => attachDocumentToOrder(services, ref, documentId)));
    await step.run("add-order-history-note", guarded(ref, () => noteDocumentOnOrder(services, ref, documentId)));
    await step.run("finish", finishStep(ref, { status: "succeeded" }));
    return { ran: true, documentId };
  },
);
