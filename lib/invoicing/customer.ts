// Who the invoice is for. A NIF goes on the invoice only when the customer gave one; otherwise the document
// is for "Consumidor final", which Vendus expresses by the absence of a fiscal_id (never 999999990).
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import type { VendusClientInput } from "@/lib/vendus/types";
import { classifyTaxId, type TaxIdentity } from "./nif";
import type { TaxRegime } from "./oss";
import { problem } from "./problems";
import type { InvoiceContext, InvoiceProblem } from "./types";

export interface TaxIdentityResult {
  identity: TaxIdentity;
  problems: InvoiceProblem[];
  warnings: string[];
}

/** The NIF the customer typed: billing_address.taxid, else the checkout field the merchant configured. */
export function findTaxId(order: JumpsellerOrder, nifFieldLabel: string | null | undefined): string | null {
  const taxid = order.billing_address?.taxid?.trim();
  if (taxid) return taxid;
  if (!nifFieldLabel) return null;
  const wanted = comparableLabel(nifFieldLabel);
  const field = order.additional_fields.find((f) => f.label !== null && comparableLabel(f.label) === wanted);
  return field?.value?.trim() || null;
}

export function resolveTaxIdentity(order: JumpsellerOrder, ctx: InvoiceContext): TaxIdentityResult {
  const raw = findTaxId(order, ctx.nifFieldLabel);
  const identity = classifyTaxId(raw, countryCode(order.billing_address?.country_code));
  if (identity.kind !== "pt_invalid") return { identity, problems: [], warnings: [] };
  if (ctx.invalidNifPolicy === "consumidor_final") {
    return {
      identity: { kind: "none" },
      problems: [],
      warnings: [
        `The NIF "${raw}" given by the customer is not a valid Portuguese NIF; the invoice was issued to ` +
          "Consumidor final, without a NIF. If the customer needs one, credit it and issue a new invoice.",
      ],
    };
  }
  return {
    identity,
    problems: [
      problem(
        "invalid_nif",
        `The NIF "${raw}" given by the customer is not a valid Portuguese NIF (9 digits with a check digit). ` +
          "Correct it on the order in Jumpseller, or allow invoicing such orders to Consumidor final.",
        { nif: raw ?? "" },
      ),
    ],
    warnings: [],
  };
}

/**
 * The client block of the document. Domestic consumidor final: no client at all, so Vendus neither creates a
 * client record per anonymous sale nor receives personal data it does not need. A consumer abroad (OSS or
 * export) gets name and address without fiscal_id: the destination must be shown on the invoice.
 */
export function buildClient(
  order: JumpsellerOrder,
  identity: TaxIdentity,
  regime: TaxRegime,
): VendusClientInput | undefined {
  const billing = order.billing_address;
  const billingCountry = countryCode(billing?.country_code);
  let fiscal: Pick<VendusClientInput, "fiscal_id" | "country">;
  if (identity.kind === "pt") fiscal = { fiscal_id: identity.nif, country: billingCountry ?? "PT" };
  else if (identity.kind === "foreign") fiscal = { fiscal_id: identity.id, country: identity.country };
  else if (regime.kind !== "domestic") fiscal = { country: billingCountry ?? regime.country };
  else return undefined;

  const name =
    [billing?.name, billing?.surname].map((part) => part?.trim()).filter(Boolean).join(" ") ||
    order.customer?.fullname?.trim();
  const client: VendusClientInput = {};
  if (fiscal.fiscal_id) client.fiscal_id = fiscal.fiscal_id;
  setText(client, "name", name);
  setText(client, "address", billing?.address);
  setText(client, "postalcode", billing?.postal);
  setText(client, "city", billing?.city);
  client.country = fiscal.country;
  setText(client, "email", order.customer?.email);
  if (order.customer?.id != null) client.external_reference = String(order.customer.id);
  return client;
}

/** Where the goods go: the shipping country, else the billing country (ISO-2, upper case). */
export function destinationCountry(order: JumpsellerOrder): string | null {
  return countryCode(order.shipping_address?.country_code) ?? countryCode(order.billing_address?.country_code);
}

function countryCode(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : null;
}

function setText(client: VendusClientInput, key: "name" | "address" | "postalcode" | "city" | "email", value?: string | null) {
  const text = value?.trim();
  if (text) client[key] = text;
}

function comparableLabel(label: string): string {
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();
}
