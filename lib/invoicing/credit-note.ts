// Credit notes (NC): the only way to undo or reduce an issued invoice (CIVA art. 29(7)). Each item points at
// the original invoice's line; Vendus takes prices from the original, so an NC only says which lines, how
// many units, and why.
import type { VendusDocumentRequest, VendusMode } from "@/lib/vendus/types";
import { creditNoteExternalReference, creditNoteTxId } from "./ids";
import type { ProblemParams } from "./types";

export interface CreditableLine {
  /** 1-based position of the line on the original invoice. */
  row: number;
  reference: string;
  title: string;
  qty: number;
  /** Vendus qty_nc: how many units are still creditable. */
  qtyCreditable: number;
  grossUnitCents: number;
  lineGrossCents: number;
  taxRate: number;
  taxCode: string;
}

export interface CreditableInvoice {
  /** Full document number, e.g. "FT 01P2026/12". */
  number: string;
  mode: VendusMode;
  registerId: number;
  storeId: string;
  /** Vendus document id. */
  id: number;
  lines: CreditableLine[];
}

export type CreditReasonPreset = "wrong_customer_data" | "order_cancelled" | "returned_goods" | "wrong_price" | "other";

export interface CreditReason {
  preset: CreditReasonPreset;
  /** Free text; required with "other". */
  text?: string;
}

export type CreditNoteRequest = ({ scope: "full" } | { scope: "lines"; lines: { row: number; qty: number }[] }) & {
  reason: CreditReason;
  /** Identifies this credit request: the same sequence always yields the same tx_id. */
  sequence: string | number;
  /** YYYY-MM-DD; Vendus uses today when absent. */
  date?: string;
};

export type CreditNoteProblemCode =
  | "test_mode_invoice"
  | "reason_required"
  | "reason_text_required"
  | "missing_sequence"
  | "unknown_row"
  | "duplicate_row"
  | "invalid_quantity"
  | "over_credit"
  | "nothing_to_credit";

export interface CreditNoteProblem {
  code: CreditNoteProblemCode;
  message: string;
  params: ProblemParams;
}

export type BuildCreditNoteResult =
  { ok: true; document: VendusDocumentRequest; creditedCents: number } | { ok: false; problems: CreditNoteProblem[] };

/** Reason texts printed on the credit note (pt-PT, the language of the document). */
export const CREDIT_REASON_TEXT: Record<CreditReasonPreset, string> = {
  wrong_customer_data: "Dados do cliente incorretos",
  order_cancelled: "Encomenda cancelada",
  returned_goods: "Devolução de mercadoria",
  wrong_price: "Preço incorreto",
  other: "Outro motivo",
};

export function buildCreditNote(invoice: CreditableInvoice, request: CreditNoteRequest): BuildCreditNoteResult {
  const problems: CreditNoteProblem[] = [];
  const add = (code: CreditNoteProblemCode, message: string, params: ProblemParams = {}) =>
    problems.push({ code, message, params });

  if (invoice.mode === "tests") {
    add("test_mode_invoice", `${invoice.number} was issued in test mode; Vendus does not credit test documents.`, {
      number: invoice.number,
    });
    return { ok: false, problems };
  }
  const reason = request.reason as CreditReason | undefined;
  const text = reason?.text?.trim() ?? "";
  if (!reason || !Object.hasOwn(CREDIT_REASON_TEXT, reason.preset)) {
    add("reason_required", "A credit note must state why it is issued: choose a reason.");
  } else if (reason.preset === "other" && text === "") {
    add("reason_text_required", 'Describe the reason when "Other" is chosen.');
  }
  if (request.sequence === undefined || String(request.sequence).trim() === "") {
    add("missing_sequence", "The credit request has no sequence, so a retry could issue a second credit note.");
  }

  const byRow = new Map(invoice.lines.map((line) => [line.row, line]));
  const wanted: { line: CreditableLine; qty: number }[] = [];
  if (request.scope === "full") {
    for (const line of invoice.lines) if (line.qtyCreditable > 0) wanted.push({ line, qty: line.qtyCreditable });
  } else {
    const seen = new Set<number>();
    for (const { row, qty } of request.lines) {
      const line = byRow.get(row);
      if (!line) {
        add("unknown_row", `${invoice.number} has no line ${row}.`, { number: invoice.number, row });
      } else if (seen.has(row)) {
        add("duplicate_row", `Line ${row} is listed twice; give its total quantity once.`, { row });
      } else if (!(Number.isFinite(qty) && qty > 0)) {
        add("invalid_quantity", `Line ${row}: the quantity to credit must be positive, not ${qty}.`, { row, qty });
      } else if (qty > line.qtyCreditable + 1e-9) {
        add(
          "over_credit",
          `Line ${row} ("${line.title}"): ${qty} requested, but only ${line.qtyCreditable} of ${line.qty} can ` +
            "still be credited.",
          { row, requested: qty, creditable: line.qtyCreditable, invoiced: line.qty },
        );
      } else wanted.push({ line, qty });
      seen.add(row);
    }
  }
  if (problems.length === 0 && wanted.length === 0) {
    add("nothing_to_credit", `Nothing is left to credit on ${invoice.number}.`, { number: invoice.number });
  }
  if (problems.length > 0 || !reason) return { ok: false, problems };

  const creditedCents = wanted.reduce((sum, { line, qty }) => sum + creditedLineCents(line, qty), 0);
  const label = reason.preset === "other" ? text : CREDIT_REASON_TEXT[reason.preset] + (text ? ` — ${text}` : "");
  const document: VendusDocumentRequest = {
    register_id: invoice.registerId,
    type: "NC",
    mode: "normal",
    ...(request.date ? { date: request.date } : {}),
    notes: `Referente a ${invoice.number}. Motivo: ${label}`,
    external_reference: creditNoteExternalReference(invoice.id, request.sequence),
    tx_id: creditNoteTxId(invoice.storeId, invoice.id, request.sequence),
    items: wanted.map(({ line, qty }) => ({
      reference: line.reference,
      title: line.title,
      qty,
      reference_document: { document_number: invoice.number, document_row: line.row },
    })),
  };
  return { ok: true, document, creditedCents };
}

/**
 * The line's amount is credited along a cumulative schedule: after k of n units, round(gross × k / n) has
 * been credited. Crediting the remaining units therefore gives the exact remainder, and any sequence of
 * partial credits adds up to the line's gross to the cent.
 */
export function creditedLineCents(line: CreditableLine, qty: number): number {
  const before = line.qty - line.qtyCreditable;
  return creditedUpTo(line, before + qty) - creditedUpTo(line, before);
}

function creditedUpTo(line: CreditableLine, units: number): number {
  if (units >= line.qty - 1e-9) return line.lineGrossCents;
  return Math.round((line.lineGrossCents * units) / line.qty);
}
