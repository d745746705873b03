// Documents as the API shows them: the POST answer, the detail (GET /documents/{id}/) and list rows. Like the
// rest of the simulator, written from Vendus's documentation apart from Ponte's readers and exports on purpose.
import { centsToDecimal } from "../../lib/money";
import type { SimDocument, SimState } from "./state";

const statusTitles = { N: "Normal", A: "Anulado", F: "Faturado" } as const;

function money(cents: number) {
  return centsToDecimal(cents);
}

function qty(milli: number) {
  return milli / 1000;
}

/** What every view of a document starts with. */
function headJson(doc: SimDocument) {
  return {
    id: doc.id,
    type: doc.type,
    number: doc.number,
    date: doc.date,
    system_time: doc.systemTime,
    amount_gross: money(doc.grossCents),
    amount_net: money(doc.netCents),
  };
}

/** The 201 answer of POST /documents/. */
export function createdJson(doc: SimDocument) {
  return {
    ...headJson(doc),
    hash: doc.hash,
    atcud: doc.atcud,
    qrcode_data: doc.qrcodeData,
    external_reference: doc.externalReference,
  };
}

/** A row of GET /documents/: no ATCUD, no items (as on the live API). */
export function rowJson(doc: SimDocument) {
  return {
    ...headJson(doc),
    status: { id: doc.status, title: statusTitles[doc.status] },
    external_reference: doc.externalReference,
    register_id: doc.registerId,
    client: { id: doc.client.id, fiscal_id: doc.client.fiscal_id, name: doc.client.name },
  };
}

export function detailJson(state: SimState, doc: SimDocument) {
  return {
    ...createdJson(doc),
    mode: doc.mode,
    status: { id: doc.status, title: statusTitles[doc.status] },
    register_id: doc.registerId,
    store_id: doc.storeId,
    notes: doc.notes,
    client: doc.client,
    items: doc.lines.map((line) => ({
      id: line.productId,
      reference: line.reference,
      title: line.title,
      qty: qty(line.qtyMilli),
      qty_nc: qty(line.qtyNcMilli),
      amounts: {
        net_unit: money(line.amounts.netUnitCents),
        net_total: money(line.amounts.netTotalCents),
        gross_unit: money(line.amounts.grossUnitCents),
        gross_total: money(line.amounts.grossTotalCents),
      },
      tax: {
        id: line.taxId,
        rate: line.rate,
        country: line.taxCountry,
        exemption: line.exemption,
        exemption_law: line.exemptionLaw,
      },
      ...(line.referenceDocument
        ? {
            reference_document: {
              document_id: line.referenceDocument.documentId,
              document_number: line.referenceDocument.documentNumber,
              document_row: line.referenceDocument.row,
            },
          }
        : {}),
    })),
    taxes: doc.taxes.map((t) => ({
      rate: t.rate,
      base: money(t.baseCents),
      amount: money(t.vatCents),
      total: money(t.grossCents),
    })),
    payments: doc.payments.map((p) => ({
      id: p.id,
      title: state.paymentMethods.find((m) => m.id === p.id)?.title ?? "",
      amount: money(p.amountCents),
    })),
    related_docs: doc.relatedDocumentIds.flatMap((id) => {
      const related = state.documents.find((d) => d.id === id);
      return related ? [{ id: related.id, type: related.type, number: related.number }] : [];
    }),
  };
}
