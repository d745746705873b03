// GET /api/documents/{id}/pdf?exp&sig: the document's PDF for whoever holds a valid signed link (the
// customer, from the Jumpseller order), proxied from Vendus, which needs the store's API key.
import { isServiceError } from "@/lib/errors";
import { verifyPdfLink } from "./pdf-link";
import type { PipelineServices } from "./services";

export type PdfAnswer =
  | { status: 200; pdf: Uint8Array; filename: string }
  | { status: 403 | 404 | 502 | 503; error: string };

export async function fetchDocumentPdf(
  services: PipelineServices,
  documentId: string,
  link: { exp: string | null; sig: string | null },
  now = new Date(),
): Promise<PdfAnswer> {
  const check = verifyPdfLink(documentId, link.exp, link.sig, now);
  if (!check.ok) return { status: 403, error: check.reason === "expired" ? "link expired" : "invalid link" };
  const doc = await services.db.document.findUnique({
    where: { id: documentId },
    select: { storeId: true, vendusId: true, number: true, mode: true },
  });
  if (!doc) return { status: 404, error: "document not found" };
  try {
    const { vendus } = await services.forStore(doc.storeId);
    const pdf = await vendus.getDocumentPdf(doc.vendusId, { mode: doc.mode === "tests" ? "tests" : "normal" });
    return { status: 200, pdf, filename: `${doc.number.replace(/[^\w.-]+/g, "_")}.pdf` };
  } catch (error) {
    console.error(`PDF of document ${documentId} not available:`, (error as Error).message);
    const transient = isServiceError(error) && (error.kind === "transient" || error.kind === "rate_limited");
    return { status: transient ? 503 : 502, error: "the PDF is not available right now" };
  }
}
