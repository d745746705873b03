// The one definition of an export row's values, as SQL: PostgreSQL computes every final cell (amounts to the
// cent as "-4.60", Lisbon date-times as "2026-11-30 23:30", VAT per rate, credited), so the CSV is written by
// the database itself (COPY … TO STDOUT, ./export-rows.ts) and the XLSX reads the same SELECT and only turns
// each cell into its type (./export-files.ts). First every document issued in the month (invoices and credit
// notes, with the order they belong to), then the orders paid in the month that have no invoice yet.
import { monthBounds, type MonthPeriod } from "./period";

/** How a cell's text becomes a spreadsheet value (and whether the CSV guards it against formulas). */
export type ColumnKind = "text" | "integer" | "dateTime" | "money";

export interface ExportColumn {
  kind: ColumnKind;
  /** The cell of a document's row (aliases d: Document, o: its order, s: its store, inv/vat: see below). */
  document: string;
  /** The cell of an uninvoiced order's row (o: Order, s: its store). */
  order: string;
}

/** A rate as a SQL numeric literal; exportRates gives them as "23", "13.5". */
const rateLiteral = (rate: string) => {
  if (!/^\d+(\.\d+)?$/.test(rate)) throw new Error(`Not a VAT rate: ${rate}`);
  return `${rate}::numeric`;
};

// Cents (integer or numeric) → "20.00", "-4.60", "0.00": a numeric of scale 2 prints exactly that.
const money = (cents: string) => `(round((${cents})::numeric) * 0.01)`;

// The columns hold UTC without a zone: read as UTC, shown on Lisbon's wall clock, to the minute (DateStyle ISO).
const lisbon = (column: string) => `left(((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Lisbon')::text, 16)`;

const sign = `CASE WHEN d.type = 'NC' THEN -1 ELSE 1 END`;

// VAT of a rate: the document's own summary; for a credit note kept without one, its lines (VAT = gross −
// gross ÷ (1 + rate)); failing both, the credited invoice's VAT in the proportion of the credit (exact for a
// full credit; for a partial credit of an invoice with several rates, an estimate to the cent). Credit notes
// count negative, so a month's column sums to what was invoiced net of credits.
const vatOfRate = (i: number) =>
  `${money(`${sign} * COALESCE(CASE WHEN vat.entries = 0 AND d.type = 'NC' AND inv.gross > 0
    THEN inv.vat${i} * d."amountGrossCents" / inv.gross ELSE vat.vat${i} END, 0)`)}`;

export function exportColumns(rates: string[]): ExportColumn[] {
  const text = (document: string, order = document): ExportColumn => ({ kind: "text", document, order });
  return [
    text("s.name"),
    { kind: "integer", document: `o."jumpsellerId"`, order: `o."jumpsellerId"` },
    { kind: "dateTime", document: lisbon(`o."paidAt"`), order: lisbon(`o."paidAt"`) },
    text(`o."customerName"`),
    text("o.nif"),
    text("o.country"),
    text("d.type::text", "NULL"),
    text("d.number", "NULL"),
    text("d.atcud", "NULL"),
    { kind: "dateTime", document: lisbon(`d."issuedAt"`), order: "NULL" },
    { kind: "money", document: money(`${sign} * d."amountNetCents"`), order: "NULL" },
    ...rates.map((_, i): ExportColumn => ({ kind: "money", document: vatOfRate(i), order: "NULL" })),
    { kind: "money", document: money(`${sign} * d."amountGrossCents"`), order: "NULL" },
    {
      kind: "money",
      document: `CASE WHEN d.type = 'NC' THEN NULL ELSE ${money("COALESCE(credited.gross, 0)")} END`,
      order: "NULL",
    },
    text(`o."paymentMethod"`),
  ];
}

/** What to select: the cells as values (XLSX), or as CSV text guarded against formula injection. */
export type CellMode = "values" | "csv";

// A cell starting with one of these would be run as a formula by a spreadsheet (CSV injection): it gets a
// leading apostrophe, which spreadsheets show as text.
const guarded = (expression: string) =>
  `CASE WHEN left(${expression}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${expression}
    ELSE ${expression} END`;

function selectList(columns: ExportColumn[], side: "document" | "order", mode: CellMode): string {
  return columns
    .map((column) => (mode === "csv" && column.kind === "text" ? guarded(column[side]) : column[side]))
    .join(",\n  ");
}

/** Quotes a text value as a SQL literal (COPY takes no parameters). */
export type Literal = (value: string) => string;

// Instants go to the database as UTC text cast to timestamp (the columns hold UTC without a zone), so neither
// the driver's nor the session's time zone can shift them.
function bounds(period: MonthPeriod, literal: Literal) {
  const { start, end } = monthBounds(period);
  return [`${literal(start.toISOString())}::timestamp`, `${literal(end.toISOString())}::timestamp`] as const;
}

/** One store is an equality, so the planner takes that store's index range. */
function storeFilter(column: string, storeIds: string[], literal: Literal): string {
  return storeIds.length === 1
    ? `${column} = ${literal(storeIds[0]!)}`
    : `${column} = ANY(ARRAY[${storeIds.map(literal).join(", ")}]::text[])`;
}

/** What an export reads: these stores' month, one column per VAT rate, cells as values or as CSV text. */
export interface RowsQuery {
  storeIds: string[];
  period: MonthPeriod;
  rates: string[];
  mode: CellMode;
  literal: Literal;
}

// A document's VAT summary as (rate, cents) rows, rates to the cent; a summary that is not an array is none.
const taxEntries = (taxes: string) => `SELECT round((t->>'rate')::numeric, 2) AS r, (t->>'vatCents')::numeric AS v
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${taxes}) = 'array' THEN ${taxes} ELSE '[]' END) t
    WHERE jsonb_typeof(t->'rate') = 'number' AND jsonb_typeof(t->'vatCents') = 'number'`;

// The order and the credited invoice are looked up row by row (LATERAL … LIMIT 1 keeps the planner from hashing
// the whole Order table for a small store's month); a document's lines are read only when its VAT summary is
// missing (a credit note). What was credited of each invoice is summed once over the stores' credit notes
// issued since the month began (a credit note never precedes its invoice), instead of looked up per row.
export function documentRowsSql({ storeIds, period, rates, mode, literal }: RowsQuery): string {
  const [start, end] = bounds(period, literal);
  const perRate = rates.map((rate, i) => `sum(e.v) FILTER (WHERE e.r = ${rateLiteral(rate)}) AS vat${i}`);
  return `SELECT ${selectList(exportColumns(rates), "document", mode)}
FROM "Document" d
JOIN "Store" s ON s.id = d."storeId"
LEFT JOIN (
  SELECT c."creditsId", SUM(c."amountGrossCents") AS gross FROM "Document" c
  WHERE ${storeFilter(`c."storeId"`, storeIds, literal)} AND c."issuedAt" >= ${start} AND c.type = 'NC'
    AND c."creditsId" IS NOT NULL
  GROUP BY c."creditsId"
) credited ON credited."creditsId" = d.id
LEFT JOIN LATERAL (
  SELECT o."jumpsellerId", o."paidAt", o."customerName", o.nif, o.country, o."paymentMethod"
  FROM "Order" o WHERE o.id = d."orderId" LIMIT 1
) o ON true
LEFT JOIN LATERAL (
  SELECT ${["count(*) AS entries", ...perRate].join(", ")}
  FROM (
    ${taxEntries("d.taxes")}
    UNION ALL
    SELECT round((l->>'taxRate')::numeric, 2), (l->>'lineGrossCents')::numeric
      - round((l->>'lineGrossCents')::numeric * 100 / (100 + (l->>'taxRate')::numeric))
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.lines) = 'array'
      AND NOT (jsonb_typeof(d.taxes) = 'array' AND jsonb_array_length(d.taxes) > 0) THEN d.lines ELSE '[]' END) l
    WHERE jsonb_typeof(l->'taxRate') = 'number' AND jsonb_typeof(l->'lineGrossCents') = 'number'
  ) e
) vat ON true
LEFT JOIN LATERAL (
  SELECT ${[`inv."amountGrossCents" AS gross`, ...perRate].join(", ")}
  FROM "Document" inv
  CROSS JOIN LATERAL (
    ${taxEntries("inv.taxes")}
  ) e
  WHERE inv.id = d."creditsId" AND d.type = 'NC'
  GROUP BY inv.id
) inv ON true
WHERE ${storeFilter(`d."storeId"`, storeIds, literal)} AND d."issuedAt" >= ${start} AND d."issuedAt" < ${end}
ORDER BY d."issuedAt", d.id`;
}

export function orderRowsSql({ storeIds, period, rates, mode, literal }: RowsQuery): string {
  const [start, end] = bounds(period, literal);
  return `SELECT ${selectList(exportColumns(rates), "order", mode)}
FROM "Order" o
JOIN "Store" s ON s.id = o."storeId"
WHERE ${storeFilter(`o."storeId"`, storeIds, literal)} AND o."paidAt" >= ${start} AND o."paidAt" < ${end}
  AND o.status = 'paid' AND NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."invoiceForOrderId" = o.id)
ORDER BY o."paidAt", o.id`;
}
