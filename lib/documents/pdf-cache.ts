// A document's PDF is asked from Vendus once and kept: issued documents never change, and every call for a
// PDF uses the store's Vendus key and its request quota. Both the dashboard download and the customer's
// signed link read through here.
import type { Db } from "@/lib/db";

export async function documentPdf(db: Db, documentId: string, fetchFromVendus: () => Promise<Uint8Array>) {
  const cached = await db.documentPdf.findUnique({ where: { documentId }, select: { pdf: true } });
  if (cached) return new Uint8Array(cached.pdf);
  const pdf = await fetchFromVendus();
  // Two first requests at once both ask Vendus; the second write is a no-op.
  await db.documentPdf.upsert({
    where: { documentId },
    create: { documentId, pdf: Buffer.from(pdf) },
    update: {},
  });
  return pdf;
}
