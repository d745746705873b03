// How much of an invoice can still be credited, per line, from what Ponte knows: the invoice's stored lines
// and the credit-note requests made against it. Vendus keeps the authoritative count (qty_nc) and refuses an
// over-credit itself; this is what the dashboard shows and checks before asking, so that a person sees the
// limit instead of a failed job.
import { z } from "zod";
import { toCents } from "@/lib/money";

export interface InvoiceLine {
  /** 1-based position on the invoice: what a credit note's reference_document.document_row points at. */
  row: number;
  reference: string;
  title: string;
  qty: number;
  grossUnitCents: number | null;
  /** The line's total with VAT; null when only the unit price is known (a line discount may be missing). */
  lineGrossCents: number | null;
}

export interface LineBalance extends InvoiceLine {
  /** Units credited by issued credit notes. */
  credited: number;
  /** Units asked for by credit requests still on their way. */
  pending: number;
  creditable: number;
}

export type CreditRequestStatus =
  "waiting_dispatch" | "queued" | "running" | "waiting" | "succeeded" | "failed" | "skipped";

export interface CreditRequest {
  status: CreditRequestStatus;
  payload: unknown;
  createdAt: Date;
}

const amount = z.union([z.number(), z.string()]);

// Two shapes are stored: the pipeline's own (row, grossUnitCents, lineGrossCents) and the Vendus request
// item it started from (gross_price in euros, optional line discount).
const storedLineSchema = z.looseObject({
  row: z.number().int().positive().optional(),
  reference: z.string().nullish(),
  title: z.string().nullish(),
  qty: z.coerce.number(),
  grossUnitCents: z.number().nullish(),
  lineGrossCents: z.number().nullish(),
  gross_price: amount.optional(),
  discount_amount: amount.optional(),
  discount_percentage: amount.optional(),
});

/** The invoice's lines, or null when they cannot be read (then nothing is offered line by line). */
export function readInvoiceLines(lines: unknown): InvoiceLine[] | null {
  const parsed = z.array(storedLineSchema).safeParse(lines);
  if (!parsed.success) return null;
  return parsed.data.map((line, i) => {
    const unit = line.grossUnitCents ?? (line.gross_price === undefined ? null : toCents(line.gross_price));
    // A percentage discount cannot be turned back into the exact cents Vendus computed: leave it unknown.
    const exactFromRequest = unit !== null && line.discount_percentage === undefined;
    const fromRequest = exactFromRequest ? Math.round(unit * line.qty) - toCents(line.discount_amount ?? 0) : null;
    return {
      row: line.row ?? i + 1,
      reference: line.reference ?? "",
      title: line.title ?? line.reference ?? "",
      qty: line.qty,
      grossUnitCents: unit,
      lineGrossCents: line.lineGrossCents ?? (line.gross_price !== undefined ? fromRequest : null),
    };
  });
}

const requestPayloadSchema = z.looseObject({
  scope: z.enum(["full", "lines"]).optional(),
  lines: z.array(z.looseObject({ row: z.number(), qty: z.number() })).optional(),
  // Filled once the pipeline has built the credit note: the exact rows and quantities sent to Vendus.
  document: z
    .looseObject({
      items: z.array(
        z.looseObject({
          qty: z.coerce.number(),
          reference_document: z.looseObject({ document_row: z.coerce.number() }).optional(),
        }),
      ),
    })
    .optional(),
});

function requestedUnits(payload: unknown, remaining: (row: number) => number, rows: number[]): Map<number, number> {
  const units = new Map<number, number>();
  const parsed = requestPayloadSchema.safeParse(payload);
  if (!parsed.success) return units;
  const add = (row: number, qty: number) => units.set(row, (units.get(row) ?? 0) + qty);
  const { document, scope, lines } = parsed.data;
  if (document) {
    for (const item of document.items) if (item.reference_document) add(item.reference_document.document_row, item.qty);
  } else if (scope === "lines") {
    for (const line of lines ?? []) add(line.row, line.qty);
  } else {
    for (const row of rows) add(row, remaining(row));
  }
  return units;
}

/** Each line's invoiced, credited, pending and still creditable units. Failed requests credit nothing. */
export function lineBalances(lines: InvoiceLine[], requests: CreditRequest[]): LineBalance[] {
  const credited = new Map<number, number>();
  const pending = new Map<number, number>();
  const byRow = new Map(lines.map((line) => [line.row, line]));
  const remaining = (row: number) =>
    Math.max(0, (byRow.get(row)?.qty ?? 0) - (credited.get(row) ?? 0) - (pending.get(row) ?? 0));
  const ordered = [...requests].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const request of ordered) {
    if (request.status === "failed" || request.status === "skipped") continue;
    const target = request.status === "succeeded" ? credited : pending;
    for (const [row, qty] of requestedUnits(request.payload, remaining, [...byRow.keys()])) {
      target.set(row, (target.get(row) ?? 0) + qty);
    }
  }
  return lines.map((line) => {
    const done = credited.get(line.row) ?? 0;
    const asked = pending.get(line.row) ?? 0;
    return { ...line, credited: done, pending: asked, creditable: roundQty(Math.max(0, line.qty - done - asked)) };
  });
}

// Quantities may have decimals (kg, m); three places is what Vendus keeps.
function roundQty(qty: number): number {
  return Math.round(qty * 1000) / 1000;
}

/**
 * What crediting `qty` more units of a line amounts to, on the same cumulative schedule as the engine's
 * creditedLineCents (lib/invoicing/credit-note.ts): after k of n units, round(gross × k / n) has been
 * credited, so partial credits add up to the line's total to the cent. `exact` is false when the line's
 * total had to be estimated from its unit price.
 */
export function creditAmountCents(line: LineBalance, qty: number): { cents: number; exact: boolean } {
  const total = line.lineGrossCents ?? Math.round((line.grossUnitCents ?? 0) * line.qty);
  const upTo = (units: number) => (units >= line.qty - 1e-9 ? total : Math.round((total * units) / line.qty));
  // Units credited or already asked for come first: this request is credited after them.
  const before = line.qty - line.creditable;
  return { cents: upTo(before + qty) - upTo(before), exact: line.lineGrossCents !== null };
}

/** The amount of a whole selection of lines. */
export function selectionAmountCents(
  balances: LineBalance[],
  selection: { row: number; qty: number }[],
): { cents: number; exact: boolean } {
  const byRow = new Map(balances.map((line) => [line.row, line]));
  let cents = 0;
  let exact = true;
  for (const { row, qty } of selection) {
    const line = byRow.get(row);
    if (!line || qty <= 0) continue;
    const part = creditAmountCents(line, Math.min(qty, line.creditable));
    cents += part.cents;
    exact &&= part.exact;
  }
  return { cents, exact };
}
