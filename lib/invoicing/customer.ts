// Who the invoice is for. A NIF goes on the invoice only when the customer gave one; otherwise the document
// is for "Consumidor final", which Vendus expresses by the absence of a fiscal_id (never 999999990).
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import type { VendusClientInput } from "@/lib/vendus/types";
import { countryCode } from "./destination";
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
  if (identity.kind === "pt_invalid") return invalidNif(identity, raw, ctx);
  if (identity.kind === "eu_vat_invalid") return notAVatNumber(identity.value, identity.reason, ctx);
  if (identity.kind === "foreign" && identity.euVat && ctx.viesRequired) {
    const answer = ctx.vies;
    if (!answer || answer.vatNumber !== identity.id) {
      return {
        identity,
        problems: [
          problem(
            "vies_unchecked",
            `The VAT number ${identity.id} has not been confirmed in VIES, which the store requires before an ` +
              "exempt intra-community invoice. Retry the order when VIES answers.",
            { vatNumber: identity.id },
          ),
        ],
        warnings: [],
      };
    }
    if (!answer.valid) {
      return notAVatNumber(
        identity.id,
        `VIES answered on ${answer.requestDate.slice(0, 10)} that ${identity.id} is not valid`,
        ctx,
      );
    }
  }
  return { identity, problems: [], warnings: [] };
}

function invalidNif(identity: TaxIdentity, raw: string | null, ctx: InvoiceContext): TaxIdentityResult {
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

/** A number with an EU VAT prefix that is not a valid VAT number never earns an exemption. */
function notAVatNumber(value: string, reason: string, ctx: InvoiceContext): TaxIdentityResult {
  if (ctx.invalidVatNumberPolicy === "consumer") {
    return {
      identity: { kind: "none" },
      problems: [],
      warnings: [
        `${capitalize(reason)}: it is not a VAT number, so the buyer was invoiced as a consumer (with VAT, ` +
          "without the number). If the buyer has a valid VAT number, credit this invoice and issue a new one.",
      ],
    };
  }
  return {
    identity: { kind: "eu_vat_invalid", value, reason },
    problems: [
      problem(
        "invalid_vat_number",
        `${capitalize(reason)}, so it is not a VAT number and the sale cannot be exempt. Correct it on the order ` +
          "in Jumpseller, or let the store invoice such buyers as consumers.",
        { vatNumber: value, reason },
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
  else if (regime.kind !== "domestic")
    fiscal = { country: billingCountry ?? (regime.country === "XI" ? "GB" : regime.country) };
  else return undefined;

  const company = order.billing_information?.company_name?.trim();
  const name =
    company ||
    [billing?.name, billing?.surname]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(" ") ||
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

/** The order's EU VAT number (other than PT) when it is well formed: the one to confirm in VIES. */
export function euVatNumberToConfirm(order: JumpsellerOrder, nifFieldLabel: string | null | undefined): string | null {
  const identity = classifyTaxId(findTaxId(order, nifFieldLabel), countryCode(order.billing_address?.country_code));
  return identity.kind === "foreign" && identity.euVat && identity.vatState !== "PT" ? identity.id : null;
}

/** A company's NIF (or VAT number) next to a person's name only: issued as given, but a person should look. */
export function companyNameWarning(order: JumpsellerOrder, identity: TaxIdentity): string[] {
  if (order.billing_information?.company_name?.trim()) return [];
  const collective = identity.kind === "pt" && /^[5-9]/.test(identity.nif);
  if (!collective) return [];
  return [
    `The NIF ${identity.nif} is a company's or another entity's, but the order names only a person; the ` +
      "invoice was issued to the name given. If the company's name must appear, credit it and issue a new one.",
  ];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function setText(
  client: VendusClientInput,
  key: "name" | "address" | "postalcode" | "city" | "email",
  value?: string | null,
) {
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
