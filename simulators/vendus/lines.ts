// Turns the `items[]` of an invoice (FT, FR, FS) into stored lines: product lookup by id or reference (an
// unknown reference creates the product), tax resolution and the line amounts.
import { computeLine, exactLineGross } from "./amounts";
import { createProduct } from "./products";
import { asId, asText, bodyObject, fieldError } from "./protocol";
import { compare, decimals, formatDecimal, parseRatio, ratio, type Ratio } from "./ratio";
import { exemptions, rateOf, type TaxCode } from "./reference-data";
import type { SimLine, SimProduct, SimState } from "./state";

const zero = ratio(0);
const hundred = ratio(100);

/** Parses a non-negative decimal field; `fallback` when absent. */
export function decimalField(value: unknown, field: string, fallback: Ratio = zero): Ratio {
  if (value === undefined || value === null || value === "") return fallback;
  const parsed = parseRatio(value);
  if (!parsed || parsed.n < 0n) throw fieldError(`O campo ${field} é inválido.`);
  return parsed;
}

/** Quantities carry at most three decimals and must be positive. */
export function quantityField(value: unknown, field: string): { qty: Ratio; milli: number } {
  const qty = parseRatio(value);
  if (!qty || qty.n <= 0n || decimals(qty) > 3) throw fieldError(`O campo ${field} é inválido.`);
  return { qty, milli: Number((qty.n * 1000n) / qty.d) };
}

function findOrCreateProduct(state: SimState, item: Record<string, unknown>, field: string): SimProduct {
  if (item.id !== undefined && item.id !== null) {
    const product = state.products.find((p) => p.id === asId(item.id));
    if (!product) throw fieldError(`O artigo indicado em ${field}.id não existe.`);
    return product;
  }
  const reference = asText(item.reference);
  // Without id or reference the live API creates a new product on every sale; refuse instead.
  if (!reference) throw fieldError(`Indique ${field}.id ou ${field}.reference.`);
  const existing = state.products.find((p) => p.reference === reference);
  if (existing) return existing;
  const taxId = ["NOR", "INT", "RED", "ISE"].includes(asText(item.tax_id)) ? item.tax_id : undefined;
  return createProduct(state, {
    title: asText(item.title) || reference,
    reference,
    unit_id: item.unit_id ?? 1,
    ...(item.gross_price !== undefined ? { gross_price: item.gross_price } : {}),
    ...(taxId ? { tax_id: taxId } : {}),
    ...(item.type_id !== undefined ? { type_id: item.type_id } : {}),
    ...(item.category_id !== undefined ? { category_id: item.category_id } : {}),
    ...(item.brand_id !== undefined ? { brand_id: item.brand_id } : {}),
  });
}

interface LineTax {
  taxId: TaxCode | "OUT";
  rate: Ratio;
  country: string;
  exemption: string;
  exemptionLaw: string;
}

/** `tax_custom` (another country's VAT, the OSS case) wins over `tax_id`; ISE needs a reason and its law. */
export function resolveTax(
  state: SimState,
  item: Record<string, unknown>,
  product: SimProduct | null,
  field: string,
): LineTax {
  const exemption = asText(item.tax_exemption);
  const exemptionLaw = asText(item.tax_exemption_law);
  const taxId = item.tax_id === undefined ? (product?.taxId ?? state.account.tax_id) : asText(item.tax_id);
  if (item.tax_custom !== undefined && item.tax_custom !== null) {
    const custom = bodyObject(item.tax_custom);
    const rate = decimalField(custom.rate, `${field}.tax_custom.rate`);
    const country = asText(custom.country).toUpperCase();
    if (compare(rate, hundred) >= 0) throw fieldError(`O campo ${field}.tax_custom.rate é inválido.`);
    if (!/^[A-Z]{2}(-[A-Z]{2})?$/.test(country)) throw fieldError(`O campo ${field}.tax_custom.country é inválido.`);
    if (taxId === "ISE" || exemption) throw fieldError(`${field}: tax_custom não pode ser usado com isenção.`);
    if (country === state.region) throw fieldError(`${field}: use tax_id para as taxas de ${country}.`);
    // The SAF-T level (NOR/INT/RED) of the foreign rate, when given; OUT otherwise.
    const level = [asText(custom.code), taxId].find((code) => ["NOR", "INT", "RED"].includes(code));
    return { taxId: (level as TaxCode | undefined) ?? "OUT", rate, country, exemption: "", exemptionLaw: "" };
  }
  if (!["NOR", "INT", "RED", "ISE"].includes(taxId)) throw fieldError(`O campo ${field}.tax_id é inválido.`);
  const code = taxId as TaxCode;
  if (code === "ISE") {
    if (!exemptions.some((e) => e.id === exemption)) throw fieldError(`O campo ${field}.tax_exemption é inválido.`);
    if (!exemptionLaw) throw fieldError(`O campo ${field}.tax_exemption_law é obrigatório.`);
  } else if (exemption || exemptionLaw) {
    throw fieldError(`${field}: tax_exemption só pode ser usado com tax_id ISE.`);
  }
  return { taxId: code, rate: rateOf(state.region, code), country: state.region, exemption, exemptionLaw };
}

export function buildInvoiceLines(state: SimState, items: unknown[]): SimLine[] {
  return items.map((value, index) => {
    const field = `items[${index}]`;
    const item = bodyObject(value);
    const { qty, milli } = quantityField(item.qty, `${field}.qty`);
    const product = findOrCreateProduct(state, item, field);
    const grossPrice = decimalField(item.gross_price, `${field}.gross_price`, parseRatio(product.grossPrice) ?? zero);
    const discountPercentage = decimalField(item.discount_percentage, `${field}.discount_percentage`);
    if (compare(discountPercentage, hundred) > 0) throw fieldError(`O campo ${field}.discount_percentage é inválido.`);
    const discountAmount = decimalField(item.discount_amount, `${field}.discount_amount`);
    if (exactLineGross({ qty, grossPrice, discountPercentage, discountAmount }).n < 0n) {
      throw fieldError(`O desconto de ${field} é superior ao valor da linha.`);
    }
    const tax = resolveTax(state, item, product, field);
    return {
      productId: product.id,
      reference: product.reference,
      title: asText(item.title) || product.title,
      qtyMilli: milli,
      qtyNcMilli: milli,
      grossPrice: asText(item.gross_price) || product.grossPrice,
      discountPercentage: asText(item.discount_percentage) || "0",
      discountAmount: asText(item.discount_amount) || "0",
      taxId: tax.taxId,
      rate: formatDecimal(tax.rate),
      taxCountry: tax.country,
      exemption: tax.exemption,
      exemptionLaw: tax.exemptionLaw,
      amounts: computeLine({ qty, grossPrice, discountPercentage, discountAmount, rate: tax.rate }),
      referenceDocument: null,
    };
  });
}
