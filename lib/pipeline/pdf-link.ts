// The link to a document's PDF that Ponte puts on the Jumpseller order: it must open for the customer
// without a Ponte session, so it carries its own proof (an HMAC over the document id and an expiry) and
// cannot be guessed or altered. The PDF route re-checks both before serving the file.
//
// Links are signed with PONTE_LINK_KEY, a key of their own: rotating it (the previous one kept in
// PONTE_LINK_KEY_OLD for as long as its links should still open) revokes links without signing anyone out,
// and rotating the session secret leaves links alone. Links made before link keys existed were signed with a
// key derived from NEXTAUTH_SECRET; they still open, until that secret is rotated.
import { createHmac, timingSafeEqual } from "node:crypto";
import { signValue } from "@/lib/crypto";
import { decodeKey, getEnv } from "@/lib/env";

const purpose = "document-pdf";
/** Customers open invoice links long after the sale; ten years matches how long invoices are kept. */
export const pdfLinkLifetimeMs = 10 * 365 * 24 * 3600_000;

function sign(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(`${purpose}:${value}`).digest("base64url");
}

function linkKeys(): { current: Buffer; previous: Buffer | null } {
  const env = getEnv();
  const current = decodeKey(env.PONTE_LINK_KEY);
  if (!current) throw new Error("PONTE_LINK_KEY is not a 32-byte key");
  return { current, previous: env.PONTE_LINK_KEY_OLD ? decodeKey(env.PONTE_LINK_KEY_OLD) : null };
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function signedPdfPath(documentId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const sig = sign(linkKeys().current, `${documentId}.${exp}`);
  return `/api/documents/${encodeURIComponent(documentId)}/pdf?exp=${exp}&sig=${sig}`;
}

export function signedPdfUrl(publicUrl: string, documentId: string, now = new Date()): string {
  return `${publicUrl.replace(/\/+$/, "")}${signedPdfPath(documentId, new Date(now.getTime() + pdfLinkLifetimeMs))}`;
}

export type PdfLinkCheck = { ok: true } | { ok: false; reason: "missing" | "expired" | "bad_signature" };

export function verifyPdfLink(
  documentId: string,
  exp: string | null,
  sig: string | null,
  now = new Date(),
): PdfLinkCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return { ok: false, reason: "missing" };
  const value = `${documentId}.${exp}`;
  const { current, previous } = linkKeys();
  const candidates = [sign(current, value), ...(previous ? [sign(previous, value)] : []), signValue(purpose, value)];
  // The signature is checked first, so an altered expiry reads as tampering, not as "expired".
  if (!candidates.some((expected) => sameSignature(expected, sig))) return { ok: false, reason: "bad_signature" };
  if (Number(exp) * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true };
}
