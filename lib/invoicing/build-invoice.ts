// Order → Vendus document, or the reasons it cannot be invoiced. An issued invoice can only be undone by a
// credit note, so every doubt becomes a refusal the merchant can act on.
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { toCents } from "@/lib/money";
import type { VendusDocumentRequest } from "@/lib/vendus/types";
import { buildClient, companyNameWarning, resolveTaxIdentity } from "./customer";
import { resolveDestination } from "./destination";
import { invoiceExternalReference, invoiceTxId } from "./ids";
import { buildItems } from "./items";
import { computeLineTargets } from "./lines";
import { decideTaxRegime, type TaxRegime } from "./oss";
import { decimal, eur, problem } from "./problems";
import { applyShippingVat } from "./shipping";
import { taxDateOf } from "./tax-date";
import type { BuildInvoiceResult, InvoiceContext, InvoiceProblem } from "./types";
import { computeVendusTotals } from "./vendus-totals";

export function buildInvoice(order: JumpsellerOrder, ctx: InvoiceContext): BuildInvoiceResult {
  if (order.status_enum !== "paid") {
    return refuse(
      problem("not_paid", `Order #${order.id} is ${order.status_enum}, not paid: only paid orders are invoiced.`, {
        orderId: order.id,
        status: order.status_enum,
      }),
    );
  }
  if (order.currency.trim().toUpperCase() !== "EUR") {
    return refuse(
      problem(
        "currency",
        `Order #${order.id} is in ${order.currency}; invoices are issued in euros and Ponte does not convert ` +
          "currencies. Invoice this order manually with the exchange rate of the day.",
        { orderId: order.id, currency: order.currency },
      ),
    );
  }

  const problems: InvoiceProblem[] = [];
  if (ctx.date !== undefined && !isIsoDate(ctx.date)) {
    problems.push(
      problem("invalid_date", `The document date "${ctx.date}" is not a YYYY-MM-DD date.`, { date: ctx.date }),
    );
  }
  const { identity, problems: identityProblems, warnings } = resolveTaxIdentity(order, ctx);
  problems.push(...identityProblems);
  const destination = resolveDestination(order);
  let regime: TaxRegime | null = null;
  if (!destination.ok) problems.push(destination.problem);
  else if (identityProblems.length === 0) {
    const decided = decideTaxRegime(destination.place, identity, ctx.oss);
    if ("problem" in decided) problems.push(decided.problem);
    else regime = decided.regime;
  }
  const taxDate = taxDateOf(order, ctx.date);
  const lines = computeLineTargets(order, ctx.defaultVatRate, ctx.shippingTitle);
  if (!lines.ok) problems.push(...lines.problems);
  const paymentId = ctx.documentType === "FR" ? paymentMethodFor(order, ctx, problems) : undefined;
  if (problems.length > 0 || !lines.ok || !regime) return { ok: false, problems };

  // Exempt sales (exports, intra-community supplies) exempt the shipping with the goods: nothing to split.
  const taxed = regime.kind === "domestic" || regime.kind === "oss";
  const shipping = taxed
    ? applyShippingVat(lines.lines, ctx.shippingVat ?? "as_charged", order.id)
    : { lines: lines.lines, problems: [], warnings: [] };
  if (shipping.problems.length > 0) return { ok: false, problems: shipping.problems };
  if (regime.kind === "oss" && !taxDate) {
    const message = `Order #${order.id} has no readable date, so the destination's VAT rate cannot be dated.`;
    return { ok: false, problems: [problem("invalid_date", message, { orderId: order.id })] };
  }
  const built = buildItems(shipping.lines, regime, ctx, taxDate ?? "");
  if (built.problems.length > 0) return { ok: false, problems: built.problems };
  if (regime.kind === "domestic" && regime.note) warnings.push(regime.note);
  warnings.push(...companyNameWarning(order, identity), ...shipping.warnings, ...built.warnings);

  // Final check: the document as Vendus will compute it must add up to what the customer paid, gift cards
  // included (a gift card is a means of payment, not a discount).
  const totals = computeVendusTotals(built.items, ctx.region);
  const paid = toCents(order.total) + toCents(order.gift_cards_discount);
  if (totals.grossCents !== paid) {
    problems.push(
      problem(
        "totals_mismatch",
        `Order #${order.id} was paid ${eur(paid)} (total ${eur(toCents(order.total))} plus ` +
          `${eur(toCents(order.gift_cards_discount))} in gift cards), but its lines add up to ` +
          `${eur(totals.grossCents)}. Check the order's amounts in Jumpseller and invoice it manually.`,
        { orderId: order.id, paid: decimal(paid), computed: decimal(totals.grossCents) },
      ),
    );
  }
  const negativeLine = totals.lineGrossCents.findIndex((cents) => cents < 0);
  if (negativeLine >= 0 || totals.taxes.some((t) => t.baseCents < 0)) {
    problems.push(
      problem("negative_line", `Order #${order.id} would produce a negative line or tax base; invoice it manually.`, {
        orderId: order.id,
      }),
    );
  }
  if (problems.length === 0 && totals.grossCents === 0) {
    problems.push(
      problem("zero_total", `Order #${order.id} adds up to 0.00 EUR: there is nothing to invoice.`, {
        orderId: order.id,
      }),
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const client = buildClient(order, identity, regime);
  const document: VendusDocumentRequest = {
    register_id: ctx.registerId,
    type: ctx.documentType,
    mode: ctx.testMode ? "tests" : "normal",
    ...(ctx.date ? { date: ctx.date } : {}),
    notes: `Encomenda Jumpseller #${order.id}`,
    external_reference: invoiceExternalReference(ctx.storeCode, order.id, ctx.invoiceSequence),
    tx_id: invoiceTxId(ctx.storeId, order.id, ctx.invoiceSequence),
    ...(client ? { client } : {}),
    items: built.items,
    ...(paymentId !== undefined ? { payments: [{ id: paymentId, amount: totals.grossCents / 100 }] } : {}),
  };
  return {
    ok: true,
    document,
    summary: { grossCents: totals.grossCents, netCents: totals.netCents, taxes: totals.taxes, warnings },
  };
}

/** A fatura-recibo records the payment, and Vendus rejects an FR without one. */
function paymentMethodFor(order: JumpsellerOrder, ctx: InvoiceContext, problems: InvoiceProblem[]): number | undefined {
  const type = order.payment_method_type ?? "";
  const mapped =
    ctx.paymentMethodMap && Object.hasOwn(ctx.paymentMethodMap, type) ? ctx.paymentMethodMap[type] : undefined;
  const id = mapped ?? ctx.paymentMethodId;
  if (id === undefined) {
    problems.push(
      problem(
        "missing_payment_method",
        `An FR (fatura-recibo) needs a Vendus payment method, and none is set for Jumpseller's ` +
          `"${order.payment_method_name ?? type}" payments. Choose one in the store's invoicing settings.`,
        { paymentMethodType: type, paymentMethodName: order.payment_method_name ?? "" },
      ),
    );
  }
  return id;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function refuse(...problems: InvoiceProblem[]): BuildInvoiceResult {
  return { ok: false, problems };
}
