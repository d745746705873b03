// POST /documents/: validation (403 P001), business rules (400 A001, Portuguese messages), then numbering,
// amounts and the fiscal fields. The caller rolls back products/clients created by a refused request.
import { lisbonDay } from "../../lib/lisbon-time";
import { centsToDecimal } from "../../lib/money";
import { documentTotals, groupByRate } from "./amounts";
import { resolveDocumentClient } from "./clients";
import { planCreditNote } from "./credit-notes";
import { commitSeries, documentHash, nextInSeries, qrCodeData } from "./fiscal";
import { buildInvoiceLines, decimalField } from "./lines";
import { renderPdf } from "./pdf";
import { asId, asText, bodyObject, businessError, fieldError, type SimResponse } from "./protocol";
import { parseRatio, ratio, toCents } from "./ratio";
import { createdJson } from "./serialize";
import {
  lisbonDateTime,
  setStock,
  stockOf,
  type DocType,
  type Mode,
  type SimDocument,
  type SimRegister,
  type SimState,
} from "./state";

const postableTypes = ["FT", "FR", "FS", "NC"];
// Simplified invoices are limited to €1,000 for retail sales (CIVA art. 40(1)(b)).
const simplifiedInvoiceLimitCents = 100_000;

function resolveRegister(state: SimState, value: unknown): SimRegister {
  if (value === undefined || value === null) {
    const register = state.registers.find((r) => r.type === "api" && r.status === "on");
    if (!register) throw fieldError("O campo register_id é obrigatório.");
    return register;
  }
  const register = state.registers.find((r) => r.id === asId(value));
  if (!register || register.status !== "on") throw fieldError("O campo register_id é inválido.");
  return register;
}

function resolveDate(value: unknown, today: string): string {
  if (value === undefined || value === null || value === "") return today;
  const date = asText(value);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    throw fieldError("O campo date é inválido (AAAA-MM-DD).");
  }
  return date;
}

function parsePayments(state: SimState, value: unknown): { id: number; amountCents: number }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fieldError("O campo payments é inválido.");
  return value.map((entry, index) => {
    const payment = bodyObject(entry);
    const id = asId(payment.id);
    if (!id || !state.paymentMethods.some((m) => m.id === id && m.status === "on")) {
      throw fieldError(`O campo payments[${index}].id é inválido.`);
    }
    const amount = decimalField(payment.amount, `payments[${index}].amount`);
    if (amount.n === 0n) throw fieldError(`O campo payments[${index}].amount é inválido.`);
    return { id, amountCents: toCents(amount) };
  });
}

function isNonZero(value: unknown): boolean {
  const parsed = parseRatio(value ?? 0);
  return parsed === null || parsed.n !== 0n;
}

export function issueDocument(state: SimState, rawBody: unknown): SimResponse {
  const body = bodyObject(rawBody);
  const txId = asText(body.tx_id);
  // tx_id makes the POST idempotent. The vendor does not document what a repeat returns; the simulator
  // answers 200 with the original document (a new one is 201), and never creates a second one.
  const replayed = txId ? state.documents.find((d) => d.txId === txId) : undefined;
  if (replayed) return { status: 200, body: createdJson(replayed) };

  const type = asText(body.type) as DocType;
  if (!postableTypes.includes(type)) throw fieldError("O campo type é inválido.");
  if (state.disabledDocumentTypes.has(type)) throw fieldError(`O tipo de documento ${type} não está disponível.`);
  const register = resolveRegister(state, body.register_id);
  const mode = (body.mode ?? register.mode) as Mode;
  if (mode !== "normal" && mode !== "tests") throw fieldError("O campo mode é inválido (normal ou tests).");
  const now = state.clock();
  const today = lisbonDay(now);
  const date = resolveDate(body.date, today);
  if (!Array.isArray(body.items) || body.items.length === 0)
    throw fieldError("O documento tem de ter pelo menos um artigo.");
  // Ponte puts every discount on its line; a document-level discount is not modelled here.
  if (isNonZero(body.discount_amount) || isNonZero(body.discount_percentage)) {
    throw fieldError(
      "Descontos globais (discount_amount/discount_percentage do documento) não são suportados pelo simulador.",
    );
  }
  const notes = asText(body.notes);
  const payments = parsePayments(state, body.payments);

  let client: SimDocument["client"];
  let lines: SimDocument["lines"];
  let commitCredit = () => {};
  if (type === "NC") {
    if (!notes) throw businessError("É obrigatório indicar o motivo da nota de crédito (notes).");
    ({ client, lines, commit: commitCredit } = planCreditNote(state, body.items, mode));
  } else {
    client = resolveDocumentClient(state, body.client);
    lines = buildInvoiceLines(state, body.items);
  }
  const taxes = groupByRate(
    lines.map((l) => ({
      grossTotalCents: l.amounts.grossTotalCents,
      rate: parseRatio(l.rate) ?? ratio(0),
      country: l.taxCountry,
    })),
  );
  const { grossCents, netCents } = documentTotals(taxes);
  const paid = payments.reduce((sum, p) => sum + p.amountCents, 0);

  if (type === "FR" && payments.length === 0)
    throw businessError("Os documentos do tipo FR têm de ter pelo menos um pagamento.");
  if (type === "FR" && paid !== grossCents) {
    throw businessError(
      `O total dos pagamentos, ${centsToDecimal(paid)}, é diferente do total do documento, ${centsToDecimal(grossCents)}.`,
    );
  }
  if (type === "FT" && paid > grossCents) throw businessError("O valor pago é superior ao total do documento.");
  if (type === "FS" && grossCents > simplifiedInvoiceLimitCents) {
    throw businessError("O valor de uma fatura simplificada não pode ser superior a 1000,00 €.");
  }
  if (date > today) throw businessError(`A data do documento, ${date}, não pode ser posterior à data atual, ${today}.`);
  const lastDate = state.lastDates.get(`${register.id}|${mode}`);
  if (lastDate && date < lastDate) {
    throw businessError(
      `A data do documento, ${date}, não pode ser anterior à do último documento emitido, ${lastDate}.`,
    );
  }

  const doc = storeDocument(state, {
    type,
    mode,
    register,
    date,
    systemTime: lisbonDateTime(now),
    externalReference: asText(body.external_reference),
    txId,
    notes,
    client,
    lines,
    taxes,
    payments,
    grossCents,
    netCents,
  });
  commitCredit();
  moveStock(state, doc, asText(body.stock_operation));
  if (type === "FT" && paid > 0) issueReceipt(state, doc, paid);

  const response: Record<string, unknown> = createdJson(doc);
  if (body.output === "pdf") response.output = Buffer.from(renderPdf(state, doc)).toString("base64");
  if (Number(body.return_qrcode) === 1)
    response.qrcode = `<svg xmlns="http://www.w3.org/2000/svg"><desc>${doc.atcud}</desc></svg>`;
  return { status: 201, body: response, committedDocumentId: doc.id };
}

type NewDocument = Omit<
  SimDocument,
  | "id"
  | "number"
  | "seriesKey"
  | "registerId"
  | "storeId"
  | "status"
  | "atcud"
  | "hash"
  | "qrcodeData"
  | "relatedDocumentIds"
> & {
  register: SimRegister;
};

function storeDocument(state: SimState, input: NewDocument): SimDocument {
  const { register, ...fields } = input;
  const slot = nextInSeries(state, input.type, input.mode, register, input.date);
  const draft = {
    ...fields,
    id: state.nextIds.document,
    number: slot.number,
    seriesKey: slot.seriesKey,
    registerId: register.id,
    storeId: register.store_id,
    status: "N" as const,
    atcud: slot.atcud,
    relatedDocumentIds: [],
    hash: "",
  };
  draft.hash = documentHash(draft, slot.previousHash);
  const doc: SimDocument = { ...draft, qrcodeData: qrCodeData(state, draft) };
  state.nextIds.document += 1;
  state.documents.push(doc);
  commitSeries(state, slot, doc.hash);
  state.lastDates.set(`${register.id}|${input.mode}`, input.date);
  return doc;
}

/** A payment on an FT settles it with a receipt (RG): no VAT lines, and no external_reference of its own. */
function issueReceipt(state: SimState, invoice: SimDocument, paidCents: number) {
  const receipt = storeDocument(state, {
    type: "RG",
    mode: invoice.mode,
    register: state.registers.find((r) => r.id === invoice.registerId)!,
    date: invoice.date,
    systemTime: invoice.systemTime,
    externalReference: "",
    txId: "",
    notes: `Recibo da fatura ${invoice.number}`,
    client: invoice.client,
    lines: [],
    taxes: [],
    payments: invoice.payments,
    grossCents: paidCents,
    netCents: paidCents,
  });
  receipt.relatedDocumentIds.push(invoice.id);
  invoice.relatedDocumentIds.push(receipt.id);
}

/** Invoices take stock out of the register's store and credit notes put it back, for stock-controlled products. */
function moveStock(state: SimState, doc: SimDocument, operation: string) {
  if (operation === "none") return;
  const direction = operation === "in" || (operation !== "out" && doc.type === "NC") ? 1 : -1;
  for (const line of doc.lines) {
    const product = state.products.find((p) => p.id === line.productId);
    if (!product?.stockControl) continue;
    setStock(state, product.id, doc.storeId, stockOf(state, product.id, doc.storeId) + direction * line.qtyMilli);
  }
}
