// GET /api/documents/{id}/pdf?exp&sig: the document's PDF for whoever holds a valid signed link (the
// customer, from the Jumpseller order). Vendus serves it only with the store's API key, and every call counts
// against the store's quota: the file is asked once and kept (lib/documents/pdf-cache.ts), and each document
// may be opened only so often, per address and in all, so that one link cannot be used to drain the quota.
import { documentPdf } from "@/lib/documents/pdf-cache";
import { pdfFilename } from "@/lib/documents/pdf-filename";
import { isServiceError } from "@/lib/errors";
import { hitRateLimits, type RateLimitRule } from "@/lib/rate-limit";
import { verifyPdfLink } from "./pdf-link";
import type { PipelineServices } from "./services";

export type PdfAnswer =
  | { status: 200; pdf: Uint8Array; filename: string }
  | { status: 403 | 404 | 502 | 503; error: string }
  | { status: 429; error: string; retryAfterSeconds: number };

/** A customer opens their invoice a few times; an office behind one address, a few more. */
export const pdfLinkLimits: { perAddress: RateLimitRule; perDocument: RateLimitRule } = {
  perAddress: { limit: 20, windowMs: 10 * 60_000 },
  perDocument: { limit: 100, windowMs: 10 * 60_000 },
};

export async function fetchDocumentPdf(
  services: PipelineServices,
  documentId: string,
  link: { exp: string | null; sig: string | null; remoteAddr: string | null },
  now = new Date(),
): Promise<PdfAnswer> {
  const check = verifyPdfLink(documentId, link.exp, link.sig, now);
  if (!check.ok) return { status: 403, error: check.reason === "expired" ? "link expired" : "invalid link" };
  const limited = await hitRateLimits(
    services.db,
    [
      { key: `pdf:${documentId}:${link.remoteAddr ?? "unknown"}`, rule: pdfLinkLimits.perAddress },
      { key: `pdf:${documentId}`, rule: pdfLinkLimits.perDocument },
    ],
    now,
  );
  if (!limited.ok) {
    return { status: 429, error: "opened too often; try again later", retryAfterSeconds: limited.retryAfterSeconds };
  }
  const doc = await services.db.document.findUnique({
    where: { id: documentId },
    select: { storeId: true, vendusId: true, number: true, mode: true },
  });
  if (!doc) return { status: 404, error: "document not found" };
  try {
    const pdf = await documentPdf(services.db, documentId, async () => {
      const { vendus } = await services.forStore(doc.storeId);
      return vendus.getDocumentPdf(doc.vendusId, { mode: doc.mode === "tests" ? "tests" : "normal" });
    });
    return { status: 200, pdf, filename: pdfFilename(doc.number) };
  } catch (error) {
    console.error(`PDF of document ${documentId} not available:`, (error as Error).message);
    const transient = isServiceError(error) && (error.kind === "transient" || error.kind === "rate_limited");
    return { status: transient ? 503 : 502, error: "the PDF is not available right now" };
  }
}
