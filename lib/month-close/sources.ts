// What a month-close run reads, one piece per Inngest step: a page of Jumpseller orders, Vendus's document
// list for the month, the VAT per rate of the documents Ponte has no figures for, and Ponte's own documents.
// Each returns compact facts (they are stored as step results), never whole API answers.
import type { Db } from "@/lib/db";
import type { JumpsellerOrder } from "@/lib/jumpseller/schemas";
import { parseJumpsellerTime } from "@/lib/jumpseller/time";
import { addDays } from "@/lib/lisbon-time";
import { toCents } from "@/lib/money";
import type { PipelineServices } from "@/lib/pipeline/services";
import { isInMonth, monthBounds, type MonthPeriod } from "./period";
import { fiscalTypes } from "./report";
import type { OrderFact, PonteDocFact, VatAmount, VendusDocFact } from "./types";

export const ordersPageSize = 100;
/** Orders are read back to this many days before the month: an order placed earlier and paid in it counts. */
export const orderLookbackDays = 31;
/** Per step: a rate-limited Vendus key retries one small step, not the whole detail reading. */
export const detailsPerStep = 25;
/** Documents whose detail is read per run; beyond this the report says how many have no VAT per rate. */
export const maxDetailReads = 500;

export function orderWindow(period: MonthPeriod) {
  const bounds = monthBounds(period);
  // One day more on the right: Jumpseller may filter on the store's own time zone.
  return { initialDate: addDays(bounds.firstDay, -orderLookbackDays), finalDate: addDays(bounds.lastDay, 1) };
}

function orderFact(order: JumpsellerOrder): OrderFact {
  const paidAt = order.status_enum === "paid" ? parseJumpsellerTime(order.completed_at) : null;
  let paidCents = 0;
  try {
    // The invoice's gross is what the customer paid, gift cards included (see lib/invoicing/build-invoice.ts).
    paidCents = toCents(order.total) + toCents(order.gift_cards_discount);
  } catch {
    paidCents = 0;
  }
  return {
    jumpsellerId: order.id,
    status: order.status_enum,
    createdAt: parseJumpsellerTime(order.created_at)?.toISOString() ?? null,
    paidAt: paidAt?.toISOString() ?? null,
    paidCents,
  };
}

/**
 * One page of the orders created in the month's window, newest first. Only orders that may concern the
 * month are kept (paid in it, or cancelled). `more` is false once the page is short or older than the window.
 */
export async function readOrdersPage(
  services: PipelineServices,
  storeId: string,
  period: MonthPeriod,
  page: number,
): Promise<{ orders: OrderFact[]; more: boolean }> {
  const { jumpseller } = await services.forStore(storeId);
  const window = orderWindow(period);
  const rows = await jumpseller.listOrdersCreatedBetween(window.initialDate, window.finalDate, {
    page,
    limit: ordersPageSize,
  });
  const bounds = monthBounds(period);
  const windowStart = monthBounds(period).start.getTime() - orderLookbackDays * 86_400_000;
  const orders = rows
    .map(orderFact)
    .filter(
      (o) =>
        o.status === "canceled" || (o.status === "paid" && o.paidAt !== null && isInMonth(new Date(o.paidAt), bounds)),
    );
  const oldest = rows.at(-1) ? parseJumpsellerTime(rows.at(-1)!.created_at) : null;
  const pastWindow = oldest !== null && oldest.getTime() < windowStart;
  return { orders, more: rows.length === ordersPageSize && !pastWindow };
}

export async function readVendusDocuments(
  services: PipelineServices,
  storeId: string,
  period: MonthPeriod,
  mode: "normal" | "tests",
): Promise<VendusDocFact[]> {
  const { vendus } = await services.forStore(storeId);
  const bounds = monthBounds(period);
  const rows = await vendus.listDocumentsBetween(bounds.firstDay, bounds.lastDay, { mode });
  return rows
    .filter((row) => fiscalTypes.has(row.type))
    .map((row) => ({
      vendusId: row.id,
      type: row.type,
      number: row.number,
      date: row.date.slice(0, 10),
      status: row.status,
      grossCents: row.amountGrossCents,
      netCents: row.amountNetCents,
    }));
}

/** The documents whose VAT per rate must come from Vendus: not issued by Ponte, or kept without it. */
export function idsNeedingDetail(docs: VendusDocFact[], ponteDocs: PonteDocFact[]): number[] {
  const known = new Map(ponteDocs.map((d) => [d.vendusId, d]));
  return docs
    .filter((d) => d.status !== "A" && !(known.get(d.vendusId)?.vat.length ?? 0))
    .map((d) => d.vendusId)
    .slice(0, maxDetailReads);
}

export async function readVatDetails(
  services: PipelineServices,
  storeId: string,
  vendusIds: number[],
  mode: "normal" | "tests",
): Promise<[number, VatAmount[]][]> {
  const { vendus } = await services.forStore(storeId);
  const out: [number, VatAmount[]][] = [];
  for (const id of vendusIds) {
    const detail = await vendus.getDocument(id, { mode });
    out.push([
      id,
      detail.taxes.map((t) => ({
        rate: t.rate,
        country: null,
        baseCents: t.baseCents ?? 0,
        vatCents: t.amountCents ?? 0,
      })),
    ]);
  }
  return out;
}

const taxSummary = (value: unknown): VatAmount[] =>
  Array.isArray(value)
    ? value.flatMap((t: { rate?: unknown; country?: unknown; baseCents?: unknown; vatCents?: unknown }) =>
        typeof t?.rate === "number" && typeof t.baseCents === "number" && typeof t.vatCents === "number"
          ? [
              {
                rate: t.rate,
                country: typeof t.country === "string" ? t.country : null,
                baseCents: t.baseCents,
                vatCents: t.vatCents,
              },
            ]
          : [],
      )
    : [];

/**
 * Ponte's documents that the report compares: those Vendus listed for the month, and the invoices and credit
 * notes of the orders concerned (wherever their dates fall).
 */
export async function loadPonteDocs(
  db: Db,
  storeId: string,
  vendusIds: number[],
  jumpsellerIds: number[],
): Promise<PonteDocFact[]> {
  const docs = await db.document.findMany({
    where: {
      storeId,
      OR: [
        { vendusId: { in: vendusIds } },
        { order: { jumpsellerId: { in: jumpsellerIds } } },
        { credits: { order: { jumpsellerId: { in: jumpsellerIds } } } },
      ],
    },
    select: {
      id: true,
      vendusId: true,
      type: true,
      number: true,
      issuedAt: true,
      amountGrossCents: true,
      amountNetCents: true,
      taxes: true,
      orderId: true,
      creditsId: true,
      order: { select: { jumpsellerId: true, status: true, paidAt: true } },
    },
  });
  return docs.map((d) => ({
    id: d.id,
    vendusId: d.vendusId,
    type: d.type,
    number: d.number,
    issuedAt: d.issuedAt.toISOString(),
    grossCents: d.amountGrossCents,
    netCents: d.amountNetCents,
    vat: taxSummary(d.taxes),
    orderId: d.orderId,
    jumpsellerId: d.order?.jumpsellerId ?? null,
    orderStatus: d.order?.status ?? null,
    orderPaidAt: d.order?.paidAt?.toISOString() ?? null,
    creditsId: d.creditsId,
  }));
}

/** Ponte's orders of the store: ids for links, and the ones a webhook said are cancelled. */
export async function loadKnownOrders(db: Db, storeId: string, period: MonthPeriod, jumpsellerIds: number[]) {
  const bounds = monthBounds(period);
  const rows = await db.order.findMany({
    where: {
      storeId,
      OR: [
        { jumpsellerId: { in: jumpsellerIds } },
        { status: "canceled", paidAt: { gte: bounds.start, lt: bounds.end } },
        { status: "canceled", documents: { some: { issuedAt: { gte: bounds.start, lt: bounds.end } } } },
      ],
    },
    select: { id: true, jumpsellerId: true, status: true },
  });
  return {
    orderIds: new Map(rows.map((r) => [r.jumpsellerId, r.id])),
    cancelled: rows.filter((r) => r.status === "canceled").map((r) => r.jumpsellerId),
  };
}
