// The month's orders ↔ documents, read from the database page by page (keyset on the issue or payment
// instant and the id), so that an export of a big month never holds more than one page in memory.
// First every document issued in the month (invoices and credit notes, with the order they belong to), then
// the orders paid in the month that have no invoice yet.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import { monthBounds, type MonthPeriod } from "./period";

export interface ExportRow {
  store: string;
  orderNumber: number | null;
  paidAt: Date | null;
  customer: string | null;
  nif: string | null;
  country: string | null;
  documentType: string | null;
  documentNumber: string | null;
  atcud: string | null;
  documentDate: Date | null;
  /** Credit notes count negative: a month's column sums to what was invoiced net of credits. */
  netCents: number | null;
  /** VAT per rate ("23" → cents), in the document's sign. */
  vatCents: Record<string, number>;
  grossCents: number | null;
  /** For an invoice: the gross its credit notes took back. */
  creditedCents: number | null;
  paymentMethod: string | null;
}

export const exportPageSize = 5000;

interface DocumentRow {
  id: string;
  issuedAt: Date;
  type: string;
  number: string;
  atcud: string | null;
  net: number;
  gross: number;
  taxes: unknown;
  lines: unknown;
  creditsTaxes: unknown;
  creditsGross: number | null;
  store: string;
  jumpsellerId: number | null;
  paidAt: Date | null;
  customerName: string | null;
  nif: string | null;
  country: string | null;
  paymentMethod: string | null;
  credited: number;
}

interface OrderRow {
  id: string;
  paidAt: Date;
  store: string;
  jumpsellerId: number;
  customerName: string | null;
  nif: string | null;
  country: string | null;
  paymentMethod: string | null;
}

const rateKey = (rate: number) => String(Math.round(rate * 100) / 100);

/**
 * VAT per rate of a stored document: the invoice's own summary; for a credit note (kept without one), from its
 * lines' gross and rate (VAT = gross − gross ÷ (1 + rate), rounded to the cent).
 */
export function vatOf(taxes: unknown, lines: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (Array.isArray(taxes) && taxes.length > 0) {
    for (const t of taxes as { rate?: unknown; vatCents?: unknown }[]) {
      if (typeof t?.rate !== "number" || typeof t.vatCents !== "number") continue;
      out[rateKey(t.rate)] = (out[rateKey(t.rate)] ?? 0) + t.vatCents;
    }
    return out;
  }
  if (Array.isArray(lines)) {
    for (const l of lines as { taxRate?: unknown; lineGrossCents?: unknown }[]) {
      if (typeof l?.taxRate !== "number" || typeof l.lineGrossCents !== "number") continue;
      const vat = l.lineGrossCents - Math.round((l.lineGrossCents * 100) / (100 + l.taxRate));
      out[rateKey(l.taxRate)] = (out[rateKey(l.taxRate)] ?? 0) + vat;
    }
  }
  return out;
}

/**
 * A credit note kept without its VAT: the credited invoice's VAT per rate in the proportion of the credit
 * (exact for a full credit; for a partial credit of an invoice with several rates, an estimate to the cent).
 */
export function creditedVat(invoiceVat: Record<string, number>, creditGross: number, invoiceGross: number) {
  const out: Record<string, number> = {};
  for (const [rate, cents] of Object.entries(invoiceVat)) out[rate] = Math.round((cents * creditGross) / invoiceGross);
  return out;
}

/** The VAT rates that appear in the month's documents, highest first: one export column each. */
export async function exportRates(db: Db, storeIds: string[], period: MonthPeriod): Promise<string[]> {
  const { start, end } = monthBounds(period);
  const rows = await db.$queryRaw<{ rate: number }[]>`
    SELECT DISTINCT r AS rate FROM (
      SELECT (t->>'rate')::float8 AS r FROM "Document" d
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(d.taxes) = 'array' THEN d.taxes ELSE '[]'::jsonb END) t
        WHERE d."storeId" = ANY(${storeIds}) AND d."issuedAt" >= ${start} AND d."issuedAt" < ${end}
      UNION
      SELECT (l->>'taxRate')::float8 FROM "Document" d
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(d.lines) = 'array' THEN d.lines ELSE '[]'::jsonb END) l
        WHERE d."storeId" = ANY(${storeIds}) AND d."issuedAt" >= ${start} AND d."issuedAt" < ${end}
          AND d.type = 'NC' AND jsonb_typeof(l->'taxRate') = 'number'
    ) x WHERE r IS NOT NULL ORDER BY r DESC`;
  return rows.map((r) => rateKey(Number(r.rate)));
}

function documentPage(db: Db, storeIds: string[], period: MonthPeriod, after: { at: Date; id: string } | null) {
  const { start, end } = monthBounds(period);
  const keyset = after ? Prisma.sql`AND (d."issuedAt", d.id) > (${after.at}, ${after.id})` : Prisma.empty;
  return db.$queryRaw<DocumentRow[]>`
    SELECT d.id, d."issuedAt", d.type::text AS type, d.number, d.atcud, d."amountNetCents" AS net,
      d."amountGrossCents" AS gross, d.taxes, d.lines, inv.taxes AS "creditsTaxes", inv."amountGrossCents" AS "creditsGross",
      s.name AS store, o."jumpsellerId", o."paidAt",
      o."customerName", o.nif, o.country, o."paymentMethod",
      COALESCE((SELECT SUM(c."amountGrossCents") FROM "Document" c WHERE c."creditsId" = d.id), 0)::int AS credited
    FROM "Document" d
    JOIN "Store" s ON s.id = d."storeId"
    LEFT JOIN "Order" o ON o.id = d."orderId"
    LEFT JOIN "Document" inv ON inv.id = d."creditsId"
    WHERE d."storeId" = ANY(${storeIds}) AND d."issuedAt" >= ${start} AND d."issuedAt" < ${end} ${keyset}
    ORDER BY d."issuedAt", d.id
    LIMIT ${exportPageSize}`;
}

function uninvoicedPage(db: Db, storeIds: string[], period: MonthPeriod, after: { at: Date; id: string } | null) {
  const { start, end } = monthBounds(period);
  const keyset = after ? Prisma.sql`AND (o."paidAt", o.id) > (${after.at}, ${after.id})` : Prisma.empty;
  return db.$queryRaw<OrderRow[]>`
    SELECT o.id, o."paidAt", s.name AS store, o."jumpsellerId", o."customerName", o.nif, o.country, o."paymentMethod"
    FROM "Order" o
    JOIN "Store" s ON s.id = o."storeId"
    WHERE o."storeId" = ANY(${storeIds}) AND o."paidAt" >= ${start} AND o."paidAt" < ${end} AND o.status = 'paid'
      AND NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."invoiceForOrderId" = o.id) ${keyset}
    ORDER BY o."paidAt", o.id
    LIMIT ${exportPageSize}`;
}

function fromDocument(row: DocumentRow): ExportRow {
  const sign = row.type === "NC" ? -1 : 1;
  let vat = vatOf(row.taxes, row.lines);
  if (row.type === "NC" && Object.keys(vat).length === 0 && row.creditsGross) {
    vat = creditedVat(vatOf(row.creditsTaxes, null), row.gross, row.creditsGross);
  }
  for (const key of Object.keys(vat)) vat[key] = sign * vat[key]!;
  return {
    store: row.store,
    orderNumber: row.jumpsellerId,
    paidAt: row.paidAt,
    customer: row.customerName,
    nif: row.nif,
    country: row.country,
    documentType: row.type,
    documentNumber: row.number,
    atcud: row.atcud,
    documentDate: row.issuedAt,
    netCents: sign * row.net,
    vatCents: vat,
    grossCents: sign * row.gross,
    creditedCents: row.type === "NC" ? null : Number(row.credited),
    paymentMethod: row.paymentMethod,
  };
}

function fromOrder(row: OrderRow): ExportRow {
  return {
    store: row.store,
    orderNumber: row.jumpsellerId,
    paidAt: row.paidAt,
    customer: row.customerName,
    nif: row.nif,
    country: row.country,
    documentType: null,
    documentNumber: null,
    atcud: null,
    documentDate: null,
    netCents: null,
    vatCents: {},
    grossCents: null,
    creditedCents: null,
    paymentMethod: row.paymentMethod,
  };
}

/** Every export row of the month for these stores, one page at a time. */
export async function* exportPages(db: Db, storeIds: string[], period: MonthPeriod): AsyncGenerator<ExportRow[]> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows = await documentPage(db, storeIds, period, after);
    if (rows.length > 0) yield rows.map(fromDocument);
    if (rows.length < exportPageSize) break;
    const last = rows[rows.length - 1]!;
    after = { at: last.issuedAt, id: last.id };
  }
  after = null;
  for (;;) {
    const rows = await uninvoicedPage(db, storeIds, period, after);
    if (rows.length > 0) yield rows.map(fromOrder);
    if (rows.length < exportPageSize) break;
    const last = rows[rows.length - 1]!;
    after = { at: last.paidAt, id: last.id };
  }
}
