// Builds a store's month report from what Jumpseller, Vendus and Ponte's own database say. Plain data in,
// plain data out: the background run gathers the facts (./sources.ts), this decides what they mean.
import { deadlineStatus, invoiceDeadline, isWorkingDay } from "@/lib/legal-deadline";
import { addDays, type CalendarDay, lisbonDay } from "@/lib/lisbon-time";
import { isInMonth, monthBounds, type MonthPeriod } from "./period";
import {
  attentionLists,
  type DifferenceList,
  type DocumentTotals,
  type MonthReport,
  type OrderFact,
  type PonteDocFact,
  type VatAmount,
  type VendusDocFact,
} from "./types";

/** Items kept per list; the count is always the full one. */
export const maxListItems = 200;

const invoiceTypes = new Set(["FT", "FR", "FS"]);
/** The documents a month close is about; receipts (RG), pro-formas and delivery notes are not invoices. */
export const fiscalTypes = new Set([...invoiceTypes, "NC"]);

export interface ReportInput {
  period: MonthPeriod;
  mode: "normal" | "tests";
  now: Date;
  /** Jumpseller orders that may concern the month (paid in it, or cancelled). */
  orders: OrderFact[];
  /** Vendus's document list for the month's days. */
  vendusDocs: VendusDocFact[];
  /** Ponte's documents for those Vendus ids, and the invoices and credit notes of the orders above. */
  ponteDocs: PonteDocFact[];
  /** VAT per rate read from Vendus's document detail, by Vendus id. */
  vatByVendusId: Map<number, VatAmount[]>;
  /** Orders Ponte knows are cancelled (a webhook said so) although Jumpseller's list did not show them. */
  cancelledOrderIds?: Set<number>;
  /** Ponte's order ids by Jumpseller id, for links to orders Ponte has seen. */
  orderIds?: Map<number, string>;
}

function list<T>(items: T[]): DifferenceList<T> {
  return { count: items.length, items: items.slice(0, maxListItems) };
}

/** Working days from `from` to `to`: positive when `to` is later, negative when it has passed. */
export function workingDaysBetween(from: CalendarDay, to: CalendarDay): number {
  let count = 0;
  if (to >= from) {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  }
  for (let d = to; d < from; d = addDays(d, 1)) if (isWorkingDay(addDays(d, 1))) count--;
  return count;
}

function addVat(into: Map<string, VatAmount>, vat: VatAmount) {
  const key = `${vat.rate}|${vat.country ?? ""}`;
  const total = into.get(key) ?? { rate: vat.rate, country: vat.country, baseCents: 0, vatCents: 0 };
  total.baseCents += vat.baseCents;
  total.vatCents += vat.vatCents;
  into.set(key, total);
}

function sortedVat(map: Map<string, VatAmount>): VatAmount[] {
  return [...map.values()].sort((a, b) => b.rate - a.rate || (a.country ?? "").localeCompare(b.country ?? ""));
}

function totalsOf(
  docs: VendusDocFact[],
  ponteByVendusId: Map<number, PonteDocFact>,
  vatByVendusId: Map<number, VatAmount[]>,
): DocumentTotals & { vatUnknown: number } {
  const vat = new Map<string, VatAmount>();
  let netCents = 0;
  let grossCents = 0;
  let vatUnknown = 0;
  for (const doc of docs) {
    const ponte = ponteByVendusId.get(doc.vendusId);
    netCents += doc.netCents ?? ponte?.netCents ?? 0;
    grossCents += doc.grossCents ?? ponte?.grossCents ?? 0;
    const rates = vatByVendusId.get(doc.vendusId) ?? (ponte && ponte.vat.length > 0 ? ponte.vat : null);
    if (rates) rates.forEach((r) => addVat(vat, r));
    else vatUnknown++;
  }
  return { count: docs.length, netCents, grossCents, vat: sortedVat(vat), vatUnknown };
}

export function buildMonthReport(input: ReportInput): MonthReport {
  const bounds = monthBounds(input.period);
  const today = lisbonDay(input.now);
  const live = input.vendusDocs.filter((d) => d.status !== "A" && fiscalTypes.has(d.type));
  const ponteByVendusId = new Map(input.ponteDocs.map((d) => [d.vendusId, d]));
  const invoiceByOrder = new Map<number, PonteDocFact>();
  const credited = new Set<string>();
  for (const doc of input.ponteDocs) {
    if (invoiceTypes.has(doc.type) && doc.jumpsellerId !== null) invoiceByOrder.set(doc.jumpsellerId, doc);
    if (doc.type === "NC" && doc.creditsId) credited.add(doc.creditsId);
  }

  const paidInMonth = input.orders.filter(
    (o) => o.status === "paid" && o.paidAt !== null && isInMonth(new Date(o.paidAt), bounds),
  );

  const withoutInvoice = paidInMonth
    .filter((o) => !invoiceByOrder.has(o.jumpsellerId))
    .map((o) => {
      const paidAt = new Date(o.paidAt!);
      const deadline = invoiceDeadline(paidAt);
      return {
        jumpsellerId: o.jumpsellerId,
        orderId: input.orderIds?.get(o.jumpsellerId) ?? null,
        paidAt: o.paidAt!,
        paidCents: o.paidCents,
        deadline,
        deadlineState: deadlineStatus(paidAt, input.now),
        workingDaysLeft: workingDaysBetween(today, deadline),
      };
    })
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.jumpsellerId - b.jumpsellerId);

  const grossMismatch = paidInMonth
    .flatMap((o) => {
      const invoice = invoiceByOrder.get(o.jumpsellerId);
      if (!invoice) return [];
      const gross = live.find((d) => d.vendusId === invoice.vendusId)?.grossCents ?? invoice.grossCents;
      if (gross === o.paidCents) return [];
      return [
        {
          jumpsellerId: o.jumpsellerId,
          orderId: invoice.orderId!,
          documentId: invoice.id,
          number: invoice.number,
          paidCents: o.paidCents,
          grossCents: gross,
        },
      ];
    })
    .sort((a, b) => a.jumpsellerId - b.jumpsellerId);

  // Cancelled orders whose invoice belongs to this month (issued in it, or for a payment made in it).
  const cancelled = new Set(input.orders.filter((o) => o.status === "canceled").map((o) => o.jumpsellerId));
  input.cancelledOrderIds?.forEach((id) => cancelled.add(id));
  const cancelledNotCredited = [...cancelled]
    .flatMap((jumpsellerId) => {
      const invoice = invoiceByOrder.get(jumpsellerId);
      if (!invoice || credited.has(invoice.id)) return [];
      const paidAt = invoice.orderPaidAt ? new Date(invoice.orderPaidAt) : null;
      const concernsMonth =
        isInMonth(new Date(invoice.issuedAt), bounds) || (paidAt !== null && isInMonth(paidAt, bounds));
      if (!concernsMonth) return [];
      return [
        {
          jumpsellerId,
          orderId: invoice.orderId!,
          documentId: invoice.id,
          number: invoice.number,
          grossCents: invoice.grossCents,
        },
      ];
    })
    .sort((a, b) => a.jumpsellerId - b.jumpsellerId);

  const outsidePonte = live
    .filter((d) => !ponteByVendusId.has(d.vendusId))
    .map((d) => ({ vendusId: d.vendusId, type: d.type, number: d.number, date: d.date, grossCents: d.grossCents }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.vendusId - b.vendusId);

  const invoicedNextMonth = paidInMonth
    .flatMap((o) => {
      const invoice = invoiceByOrder.get(o.jumpsellerId);
      if (!invoice || new Date(invoice.issuedAt) < bounds.end) return [];
      return [
        {
          jumpsellerId: o.jumpsellerId,
          orderId: invoice.orderId!,
          documentId: invoice.id,
          number: invoice.number,
          paidAt: o.paidAt!,
          issuedAt: invoice.issuedAt,
        },
      ];
    })
    .sort((a, b) => a.jumpsellerId - b.jumpsellerId);

  const invoices = totalsOf(
    live.filter((d) => invoiceTypes.has(d.type)),
    ponteByVendusId,
    input.vatByVendusId,
  );
  const creditNotes = totalsOf(
    live.filter((d) => d.type === "NC"),
    ponteByVendusId,
    input.vatByVendusId,
  );
  const { vatUnknown: unknownInvoices, ...invoiceTotals } = invoices;
  const { vatUnknown: unknownCredits, ...creditTotals } = creditNotes;

  return {
    version: 1,
    period: { year: input.period.year, month: input.period.month },
    mode: input.mode,
    jumpseller: { paidCount: paidInMonth.length, paidCents: paidInMonth.reduce((sum, o) => sum + o.paidCents, 0) },
    vendus: { invoices: invoiceTotals, creditNotes: creditTotals },
    differences: {
      withoutInvoice: list(withoutInvoice),
      grossMismatch: list(grossMismatch),
      cancelledNotCredited: list(cancelledNotCredited),
      outsidePonte: list(outsidePonte),
      invoicedNextMonth: list(invoicedNextMonth),
    },
    vatUnknownDocuments: unknownInvoices + unknownCredits,
  };
}

/** Ready when nothing needs a person; orders invoiced in the next month are allowed and only shown. */
export function outcomeOf(report: MonthReport): "ready" | "needs_attention" {
  return attentionLists.some((name) => report.differences[name].count > 0) ? "needs_attention" : "ready";
}
