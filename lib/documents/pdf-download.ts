// A document's PDF for a signed-in user who may see its store. Vendus serves PDFs only with the store's API
// key, so the dashboard never links to Vendus: the file is asked here once, kept, and passed on.
import { authorizeStore, storeScope, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { failureAnswer, failureOf, type ServiceFailureCode } from "@/lib/service-errors";
import { vendusClientForStore } from "@/lib/vendus/for-store";
import { documentPdf } from "./pdf-cache";
import { pdfFilename } from "./pdf-filename";

export type PdfDownload =
  | { status: 200; pdf: Uint8Array; filename: string }
  /** `detail`: Vendus's own words, for the dashboard to show inside its translated message. */
  | {
      status: 404 | 502;
      error: "not_found" | ServiceFailureCode<"vendus">;
      message: string;
      detail?: string;
    };

const notFound = { status: 404, error: "not_found", message: "There is no such document." } as const;

export async function downloadDocumentPdf(user: SessionUser, documentId: string): Promise<PdfDownload> {
  const doc = await db.document.findFirst({
    where: { id: documentId, ...storeScope(user) },
    select: { storeId: true, vendusId: true, number: true, mode: true },
  });
  if (!doc) return notFound;
  if ("error" in (await authorizeStore(user, doc.storeId, "stores.view"))) return notFound;
  try {
    const pdf = await documentPdf(db, documentId, async () => {
      const vendus = await vendusClientForStore(db, doc.storeId);
      return vendus.getDocumentPdf(doc.vendusId, { mode: doc.mode === "tests" ? "tests" : "normal" });
    });
    return { status: 200, pdf, filename: pdfFilename(doc.number) };
  } catch (error) {
    const failure = failureOf("vendus", error);
    if (!failure) throw error;
    console.warn(`PDF of document ${documentId} not available: ${failure.detail}`);
    return failureAnswer(failure);
  }
}
