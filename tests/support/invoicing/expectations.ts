// Shared expectations for the invoice tests: the store's context and the parts of a document that every
// case repeats. Expected ids are computed here from their documented format, not with the engine's code.
import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import type { VendusClientInput, VendusDocumentItem, VendusDocumentRequest } from "@/lib/vendus/types";
import { buildInvoice } from "@/lib/invoicing/build-invoice";
import type { FixtureSpec } from "./fixtures";
import type { InvoiceContext, InvoiceProblem, TaxSummary } from "@/lib/invoicing/types";

export const baseCtx: InvoiceContext = {
  storeId: "store_1",
  storeCode: "lojadamaria",
  registerId: 7,
  documentType: "FT",
  defaultVatRate: 23,
  oss: false,
  region: "PT",
  testMode: false,
  shippingTitle: "Portes de envio",
  nifFieldLabel: "NIF",
  invalidNifPolicy: "refuse",
};

export function expectedDocument(
  orderId: number,
  items: VendusDocumentItem[],
  extra: Partial<VendusDocumentRequest> = {},
): VendusDocumentRequest {
  const hash = createHash("sha256").update(`store_1:${orderId}:invoice`).digest("hex");
  return {
    register_id: 7,
    type: "FT",
    mode: "normal",
    notes: `Encomenda Jumpseller #${orderId}`,
    external_reference: `js-lojadamaria-${orderId}`,
    tx_id: `ponte-${hash.slice(0, 32)}`,
    items,
    ...extra,
  };
}

type Tax = Pick<VendusDocumentItem, "tax_id" | "tax_exemption" | "tax_exemption_law" | "tax_custom">;
const taxOf = (tax: Tax | VendusDocumentItem["tax_id"]): Tax => (typeof tax === "string" ? { tax_id: tax } : tax!);

/** A product line: reference, title, qty, unit gross price, tax, and the line discount if any. */
export function item(
  reference: string,
  title: string,
  qty: number,
  grossPrice: number,
  tax: Tax | VendusDocumentItem["tax_id"],
  discountAmount?: number,
): VendusDocumentItem {
  return {
    reference,
    title,
    qty,
    gross_price: grossPrice,
    ...(discountAmount ? { discount_amount: discountAmount } : {}),
    ...taxOf(tax),
    type_id: "P",
  };
}

export function shippingItem(grossPrice: number, tax: Tax | VendusDocumentItem["tax_id"], discountAmount?: number) {
  return { ...item("PORTES", "Portes de envio", 1, grossPrice, tax, discountAmount), type_id: "O" as const };
}

export const exempt = (code: string, law: string): Tax => ({
  tax_id: "ISE",
  tax_exemption: code,
  tax_exemption_law: law,
});
export const oss = (country: string, rate: number, code: "NOR" | "INT" | "RED" = "NOR"): Tax => ({
  tax_id: code,
  tax_custom: { country, rate, code, type: "IVA" },
});

export const mariaSilva = (fiscalId: string): VendusClientInput => ({
  fiscal_id: fiscalId,
  name: "Maria Silva",
  address: "Rua das Flores 12",
  postalcode: "1100-123",
  city: "Lisboa",
  country: "PT",
  email: "maria.silva@example.pt",
  external_reference: "501",
});

export const lucia: Pick<FixtureSpec, "billing" | "customer"> = {
  billing: {
    name: "Lucía",
    surname: "García",
    address: "Calle Mayor 5",
    city: "Madrid",
    postal: "28013",
    country: "España",
    country_code: "ES",
  },
  customer: { id: 502, email: "lucia.garcia@example.es" },
};
export const luciaClient = {
  name: "Lucía García",
  address: "Calle Mayor 5",
  postalcode: "28013",
  city: "Madrid",
  country: "ES",
  email: "lucia.garcia@example.es",
  external_reference: "502",
};

export interface InvoiceCase {
  name: string;
  order: JumpsellerOrder;
  ctx?: Partial<InvoiceContext>;
  /** Success: the whole document, its gross in cents, and optionally warnings and tax lines. */
  document?: VendusDocumentRequest;
  gross?: number;
  warnings?: string[];
  taxes?: TaxSummary[];
  /** Refusal: exactly these problems. */
  problems?: InvoiceProblem[];
}

export function runInvoiceCases(cases: InvoiceCase[]) {
  it.each(cases)("$name", (c) => {
    const result = buildInvoice(c.order, { ...baseCtx, ...c.ctx });
    if (c.problems) {
      expect(result).toEqual({ ok: false, problems: c.problems });
      return;
    }
    expect(result).toEqual({
      ok: true,
      document: c.document,
      summary: expect.objectContaining({
        grossCents: c.gross,
        warnings: c.warnings ?? [],
        ...(c.taxes ? { taxes: c.taxes } : {}),
      }),
    });
    // The gross is what the customer paid, gift cards included.
    expect(c.gross).toBe(Math.round((c.order.total + c.order.gift_cards_discount) * 100));
  });
}
