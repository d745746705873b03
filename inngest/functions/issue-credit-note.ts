// A credit note for an issued invoice: asked for by a user, or automatic when an invoiced order is
// cancelled and the store wants it. Steps in lib/pipeline/credit-note.ts.
import { creditNoteRequested } from "@/lib/inngest/events";
import { issueCreditNote, prepareCreditNote } from "@/lib/pipeline/credit-note";
import { dispatchReissue } from "@/lib/jobs/reissue";
import { storeDocumentsConcurrency } from "../flow-control";
import { attachDocumentAndFinish, guardedStep, jobFunction } from "../job-function";

export const issueCreditNoteFn = jobFunction(
  {
    id: "issue-credit-note",
    name: "Issue a credit note",
    trigger: creditNoteRequested,
    concurrency: storeDocumentsConcurrency,
  },
  async (run) => {
    const { ref, services } = run;
    const prepared = await guardedStep(run, "read-invoice-and-build", () => prepareCreditNote(services, ref));
    const documentId =
      prepared.next === "done"
        ? prepared.documentId
        : (await guardedStep(run, "issue-in-vendus", () => issueCreditNote(services, ref))).documentId;
    // Credit and reissue: the new invoice's job was created with the credit note; it starts now.
    if (prepared.reissueOf) {
      const invoiceId = prepared.reissueOf;
      await guardedStep(run, "start-new-invoice", async () => ({
        dispatched: await dispatchReissue(services.db, prepared.storeId, invoiceId),
      }));
    }
    return attachDocumentAndFinish(run, documentId);
  },
);
