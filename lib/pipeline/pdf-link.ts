// The link to a document's PDF that Ponte puts on the Jumpseller order: it must open for the customer
// without a Ponte session, so it carries its own proof (an HMAC over the document id and an expiry) and
// cannot be guessed or altered. The PDF route re-checks both before proxying the file from Vendus.
import { signValue, verifySignedValue } from "@/lib/crypto";

const purpose = "document-pdf";
/** Customers open invoice links long after the sale; ten years matches how long invoices are kept. */
export const pdfLinkLifetimeMs = 10 * 365 * 24 * 3600_000;

export function signedPdfPath(documentId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const sig = signValue(purpose, `${documentId}.${exp}`);
  return `/api/documents/${encodeURIComponent(documentId)}/pdf?exp=${exp}&sig=${sig}`;
}

export function signedPdfUrl(publicUrl: string, documentId: string, now = new Date()): string {
  return `${publicUrl.replace(/\/+$/, "")}${signedPdfPath(documentId, new Date(now.getTime() + pdfLinkLifetimeMs))}`;
}

export type PdfLinkCheck = { ok: true } | { ok: false; reason: "missing" | "expired" | "bad_signature" };

export function verifyPdfLink(documentId: string, exp: string | null, sig: string | null, now = new Date()): PdfLinkCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return { ok: false, reason: "missing" };
  // The signature is checked first, so an altered expiry reads as tampering, not as "expired".
  if (!verifySignedValue(purpose, `${documentId}.${exp}`, sig)) return { ok: false, reason: "bad_signature" };
  if (Number(exp) * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true };
}
