// Credit notes (NC): each item points at a line of an issued invoice, prices come from that line, and the
// credited quantity may not exceed what is left to credit (`qty_nc`).
import { computeLine } from "./amounts";
import { quantityField } from "./lines";
import { asId, asText, bodyObject, businessError, fieldError } from "./protocol";
import { div, mul, parseRatio, ratio } from "./ratio";
import type { Mode, SimDocument, SimLine, SimState } from "./state";

const creditable = new Set(["FT", "FR", "FS"]);

export interface CreditPlan {
  lines: SimLine[];
  client: SimDocument["client"];
  /** Lowers `qty_nc` on the credited lines; run only once the credit note is stored. */
  commit: () => void;
}

function formatQty(milli: number): string {
  return String(milli / 1000);
}

export function planCreditNote(state: SimState, items: unknown[], mode: Mode): CreditPlan {
  const requested = new Map<SimLine, number>();
  const originals: SimDocument[] = [];
  const lines = items.map((value, index): SimLine => {
    const field = `items[${index}]`;
    const item = bodyObject(value);
    if (!item.reference_document || typeof item.reference_document !== "object") {
      throw businessError(`A nota de crédito tem de indicar o documento de origem em ${field}.reference_document.`);
    }
    const ref = item.reference_document as Record<string, unknown>;
    const number = asText(ref.document_number);
    const original = state.documents.find((d) => d.number === number);
    if (!original) throw businessError(`O documento ${number || "indicado"} não existe.`);
    // Observed on the live API: documents issued in test mode cannot be credited.
    if (original.mode === "tests" || mode === "tests") {
      throw businessError("Não é possível emitir notas de crédito de documentos emitidos em modo de testes.");
    }
    if (!creditable.has(original.type)) throw businessError(`O documento ${number} não pode ser creditado.`);
    if (original.status === "A") throw businessError(`O documento ${number} está anulado.`);
    const row = asId(ref.document_row);
    const line = row ? original.lines[row - 1] : undefined;
    if (!row || !line) throw businessError(`A linha ${asText(ref.document_row)} não existe no documento ${number}.`);
    if (item.id === undefined && !asText(item.reference))
      throw fieldError(`Indique ${field}.id ou ${field}.reference.`);
    const sameProduct =
      item.id !== undefined ? asId(item.id) === line.productId : asText(item.reference) === line.reference;
    if (!sameProduct)
      throw businessError(`O artigo de ${field} não corresponde à linha ${row} do documento ${number}.`);
    const { qty, milli } = quantityField(item.qty, `${field}.qty`);
    const total = (requested.get(line) ?? 0) + milli;
    if (total > line.qtyNcMilli) {
      throw businessError(
        `A quantidade a creditar (${formatQty(total)}) da linha ${row} do documento ${number} é superior à quantidade disponível (${formatQty(line.qtyNcMilli)}).`,
      );
    }
    requested.set(line, total);
    if (!originals.includes(original)) originals.push(original);
    const originalQty = ratio(line.qtyMilli, 1000);
    const originalDiscount = parseRatio(line.discountAmount) ?? ratio(0);
    return {
      ...line,
      qtyMilli: milli,
      qtyNcMilli: 0,
      // A whole-line discount is credited in proportion to the quantity credited.
      amounts: computeLine({
        qty,
        grossPrice: parseRatio(line.grossPrice) ?? ratio(0),
        discountPercentage: parseRatio(line.discountPercentage) ?? ratio(0),
        discountAmount: mul(originalDiscount, div(qty, originalQty)),
        rate: parseRatio(line.rate) ?? ratio(0),
      }),
      referenceDocument: { documentId: original.id, documentNumber: original.number, row },
    };
  });
  const clients = new Set(originals.map((d) => d.client.fiscal_id));
  if (clients.size > 1) throw businessError("Os documentos creditados têm de ser do mesmo cliente.");
  return {
    lines,
    client: { ...originals[0]!.client },
    commit: () => {
      for (const [line, milli] of requested) line.qtyNcMilli -= milli;
    },
  };
}
