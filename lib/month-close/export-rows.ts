// The month's orders ↔ documents, read from the database page by page (keyset on the issue or payment
// instant and the id), so that an export of a big month never holds more than one page in memory.
// First every document issued in the month (invoices and credit notes, with the order they belong to), then
// the orders paid in the month that have no invoice yet.
import type pg from "pg";
import { connectBeside, type Db } from "@/lib/db";
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

// A page is read in the order of an index — Document ("issuedAt", id), or ("storeId", "issuedAt", id) for one
// store; Order ("storeId", "paidAt", id) — from where the last page stopped, its order and credit note looked
// up row by row (LATERAL … LIMIT 1 keeps the planner from hashing the whole Order table for every page): no
// page sorts the month again, so the time per row does not grow with the month, the table or the stores.
// Only what a row needs is read: a document's lines only when its VAT summary is missing (a credit note), the
// credited invoice only for a credit note.
// The pages are read on a connection of the export's own (lib/db connectBeside), JIT off (compiling a plan
// would cost more than the page), and each comes back as one JSON text (an array of arrays, instants as epoch
// milliseconds) parsed in one call: decoding cell by cell, or through Prisma, costs several times more per row
// than the database spends on it (npm run bench:month-csv).

type Keyset = { at: Date; id: string } | null;

interface Page {
  rows: ExportRow[];
  /** Where the next page starts; null when this was the last. */
  next: Keyset;
}

type StoreName = (storeId: string) => string;

interface PageQuery {
  connection: pg.Client;
  storeIds: string[];
  period: MonthPeriod;
  store: StoreName;
}

// Instants go to the database as UTC text cast to timestamp (the columns hold UTC without a zone), so neither
// the driver's nor the session's time zone can shift them.
const utc = (date: Date) => date.toISOString();

/** The store filter on a column ($1): one store is an equality, so the planner takes that store's index range. */
const storeFilter = (column: string, storeIds: string[]): [condition: string, value: string | string[]] =>
  storeIds.length === 1 ? [`${column} = $1`, storeIds[0]!] : [`${column} = ANY($1::text[])`, storeIds];

const epochMs = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::bigint`;

type DocumentTuple = [
  id: string,
  issuedAt: number,
  type: string,
  number: string,
  atcud: string | null,
  net: number,
  gross: number,
  taxes: unknown,
  lines: unknown,
  creditsTaxes: unknown,
  creditsGross: number | null,
  jumpsellerId: number | null,
  paidAt: number | null,
  customerName: string | null,
  nif: string | null,
  country: string | null,
  paymentMethod: string | null,
  credited: number,
  storeId: string,
];

async function documentPage({ connection, storeIds, period, store }: PageQuery, after: Keyset): Promise<Page> {
  const { start, end } = monthBounds(period);
  const [storeCondition, storeValue] = storeFilter(`d."storeId"`, storeIds);
  const keyset = after ? `AND d."issuedAt" >= $4::timestamp AND (d."issuedAt", d.id) > ($4::timestamp, $5)` : "";
  const values = [storeValue, utc(start), utc(end), ...(after ? [utc(after.at), after.id] : [])];
  const tuples = await jsonPage<DocumentTuple>(
    connection,
    `SELECT json_agg(json_build_array(
        d.id, ${epochMs(`d."issuedAt"`)}, d.type, d.number, d.atcud, d."amountNetCents", d."amountGrossCents",
        d.taxes,
        CASE WHEN jsonb_typeof(d.taxes) = 'array' AND jsonb_array_length(d.taxes) > 0 THEN NULL ELSE d.lines END,
        inv.taxes, inv."amountGrossCents",
        o."jumpsellerId", ${epochMs(`o."paidAt"`)}, o."customerName", o.nif, o.country, o."paymentMethod",
        CASE WHEN d.type = 'NC' THEN 0
          ELSE COALESCE((SELECT SUM(c."amountGrossCents") FROM "Document" c WHERE c."creditsId" = d.id), 0)
        END,
        d."storeId"
      ) ORDER BY d."issuedAt", d.id)::text AS page
    FROM (
      SELECT d.id, d."issuedAt", d.type, d.number, d.atcud, d."amountNetCents", d."amountGrossCents", d.taxes,
        d.lines, d."orderId", d."creditsId", d."storeId"
      FROM "Document" d
      WHERE ${storeCondition} AND d."issuedAt" >= $2::timestamp AND d."issuedAt" < $3::timestamp ${keyset}
      ORDER BY d."issuedAt", d.id
      LIMIT ${exportPageSize}
    ) d
    LEFT JOIN LATERAL (
      SELECT o."jumpsellerId", o."paidAt", o."customerName", o.nif, o.country, o."paymentMethod"
      FROM "Order" o WHERE o.id = d."orderId" LIMIT 1
    ) o ON true
    LEFT JOIN LATERAL (
      SELECT inv.taxes, inv."amountGrossCents" FROM "Document" inv
      WHERE inv.id = d."creditsId" AND d.type = 'NC' LIMIT 1
    ) inv ON true`,
    values,
  );
  const last = tuples.length === exportPageSize ? tuples[tuples.length - 1]! : null;
  return {
    rows: tuples.map((t) => fromDocument(store(t[18]), t)),
    next: last && { at: new Date(last[1]), id: last[0] },
  };
}

type OrderTuple = [
  id: string,
  paidAt: number,
  jumpsellerId: number,
  customerName: string | null,
  nif: string | null,
  country: string | null,
  paymentMethod: string | null,
  storeId: string,
];

async function uninvoicedPage({ connection, storeIds, period, store }: PageQuery, after: Keyset): Promise<Page> {
  const { start, end } = monthBounds(period);
  const [storeCondition, storeValue] = storeFilter(`o."storeId"`, storeIds);
  const keyset = after ? `AND o."paidAt" >= $4::timestamp AND (o."paidAt", o.id) > ($4::timestamp, $5)` : "";
  const values = [storeValue, utc(start), utc(end), ...(after ? [utc(after.at), after.id] : [])];
  const tuples = await jsonPage<OrderTuple>(
    connection,
    `SELECT json_agg(json_build_array(
        o.id, ${epochMs(`o."paidAt"`)}, o."jumpsellerId", o."customerName", o.nif, o.country, o."paymentMethod",
        o."storeId"
      ) ORDER BY o."paidAt", o.id)::text AS page
    FROM (
      SELECT o.id, o."paidAt", o."jumpsellerId", o."customerName", o.nif, o.country, o."paymentMethod", o."storeId"
      FROM "Order" o
      WHERE ${storeCondition} AND o."paidAt" >= $2::timestamp AND o."paidAt" < $3::timestamp AND o.status = 'paid'
        AND NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."invoiceForOrderId" = o.id) ${keyset}
      ORDER BY o."paidAt", o.id
      LIMIT ${exportPageSize}
    ) o`,
    values,
  );
  const last = tuples.length === exportPageSize ? tuples[tuples.length - 1]! : null;
  return {
    rows: tuples.map((t) => fromOrder(store(t[7]), t)),
    next: last && { at: new Date(last[1]), id: last[0] },
  };
}

/** One page: a single row holding the page as JSON text. */
async function jsonPage<T>(connection: pg.Client, text: string, values: unknown[]): Promise<T[]> {
  const result = await connection.query<{ page: string | null }>(text, values);
  const page = result.rows[0]?.page;
  return page ? (JSON.parse(page) as T[]) : [];
}

function fromDocument(store: string, t: DocumentTuple): ExportRow {
  const [, issuedAt, type, number, atcud, net, gross, taxes, lines, creditsTaxes, creditsGross] = t;
  const sign = type === "NC" ? -1 : 1;
  let vat = vatOf(taxes, lines);
  if (type === "NC" && Object.keys(vat).length === 0 && creditsGross) {
    vat = creditedVat(vatOf(creditsTaxes, null), gross, creditsGross);
  }
  if (sign < 0) for (const key of Object.keys(vat)) vat[key] = -vat[key]!;
  return {
    store,
    orderNumber: t[11],
    paidAt: t[12] === null ? null : new Date(t[12]),
    customer: t[13],
    nif: t[14],
    country: t[15],
    documentType: type,
    documentNumber: number,
    atcud,
    documentDate: new Date(issuedAt),
    netCents: sign * net,
    vatCents: vat,
    grossCents: sign * gross,
    creditedCents: type === "NC" ? null : t[17],
    paymentMethod: t[16],
  };
}

function fromOrder(store: string, t: OrderTuple): ExportRow {
  return {
    store,
    orderNumber: t[2],
    paidAt: new Date(t[1]),
    customer: t[3],
    nif: t[4],
    country: t[5],
    documentType: null,
    documentNumber: null,
    atcud: null,
    documentDate: null,
    netCents: null,
    vatCents: {},
    grossCents: null,
    creditedCents: null,
    paymentMethod: t[6],
  };
}

/**
 * Every export row of the month for these stores, one page at a time. The next page is asked for before the
 * current one is handed over, so the database reads it while the caller writes this one out.
 */
export async function* exportPages(db: Db, storeIds: string[], period: MonthPeriod): AsyncGenerator<ExportRow[]> {
  if (storeIds.length === 0) return;
  const stores = await db.store.findMany({ where: { id: { in: storeIds } }, select: { id: true, name: true } });
  const names = new Map(stores.map((s) => [s.id, s.name]));
  const store: StoreName = (storeId) => names.get(storeId) ?? "";
  const connection = await connectBeside(db);
  try {
    await connection.query("SET jit = off");
    const query: PageQuery = { connection, storeIds, period, store };
    yield* prefetched((after) => documentPage(query, after));
    yield* prefetched((after) => uninvoicedPage(query, after));
  } finally {
    await connection.end();
  }
}

async function* prefetched(page: (after: Keyset) => Promise<Page>): AsyncGenerator<ExportRow[]> {
  let next: Promise<Page> | null = page(null);
  // If the reader stops early, a page still being read fails when the connection ends: nobody waits for it.
  next.catch(() => undefined);
  while (next) {
    const current: Page = await next;
    next = current.next ? page(current.next) : null;
    next?.catch(() => undefined);
    if (current.rows.length > 0) yield current.rows;
  }
}
