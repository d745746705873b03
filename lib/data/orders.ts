// Orders as the signed-in user may see them. The store filter is part of every query.
import { cache } from "react";
import { z } from "zod";
import { storeScope, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { InvoiceState } from "@/lib/generated/prisma/enums";
import { finishKeyset, pageParamsSchema, planKeyset, type KeysetPage } from "@/lib/keyset";

export const invoiceStates = Object.values(InvoiceState);

export const orderSearchSchema = z.object({
  store: z.string().max(40).optional().catch(undefined),
  state: z.enum(InvoiceState).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(["desc", "asc"]).catch("desc").default("desc"),
  ...pageParamsSchema.shape,
});
export type OrderSearch = z.infer<typeof orderSearchSchema>;

function filtersFrom(search: OrderSearch): Prisma.OrderWhereInput[] {
  const filters: Prisma.OrderWhereInput[] = [];
  if (search.store) filters.push({ storeId: search.store });
  if (search.state) filters.push({ invoiceState: search.state });
  const q = search.q;
  if (q) {
    const text: Prisma.OrderWhereInput[] = [
      { customerName: { contains: q, mode: "insensitive" } },
      { customerEmail: { contains: q, mode: "insensitive" } },
      { nif: { startsWith: q.replace(/\s+/g, "") } },
    ];
    const number = q.replace(/^#/, "");
    if (/^\d{1,9}$/.test(number)) text.unshift({ jumpsellerId: Number(number) });
    filters.push({ OR: text });
  }
  return filters;
}

const orderRowSelect = {
  id: true,
  jumpsellerId: true,
  status: true,
  invoiceState: true,
  customerName: true,
  nif: true,
  totalCents: true,
  currency: true,
  orderedAt: true,
  paidAt: true,
  store: { select: { id: true, name: true } },
  // The invoice, if any: only invoices carry invoiceForOrderId.
  documents: { where: { invoiceForOrderId: { not: null } }, select: { type: true, number: true } },
} satisfies Prisma.OrderSelect;

export type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderRowSelect }>;

export async function listOrders(user: SessionUser, search: OrderSearch): Promise<KeysetPage<OrderRow>> {
  const plan = planKeyset("orderedAt", search.sort === "desc", search);
  const where: Prisma.OrderWhereInput = {
    AND: [storeScope(user), ...filtersFrom(search), ...(plan.where ? [plan.where as Prisma.OrderWhereInput] : [])],
  };
  const rows = await db.order.findMany({
    where,
    orderBy: plan.orderBy as Prisma.OrderOrderByWithRelationInput[],
    take: plan.take,
    select: orderRowSelect,
  });
  return finishKeyset(plan, rows, (row) => row.orderedAt);
}

/** Cheap visibility check for the order route's layout: null becomes a 404 before anything streams. */
export async function findVisibleOrder(user: SessionUser, orderId: string) {
  return db.order.findFirst({ where: { id: orderId, ...storeScope(user) }, select: { id: true } });
}

export const getOrderDetail = cache(async (user: SessionUser, orderId: string) => {
  return db.order.findFirst({
    where: { id: orderId, ...storeScope(user) },
    select: {
      id: true,
      jumpsellerId: true,
      status: true,
      invoiceState: true,
      customerName: true,
      customerEmail: true,
      nif: true,
      country: true,
      currency: true,
      totalCents: true,
      orderedAt: true,
      paidAt: true,
      store: { select: { id: true, name: true, code: true } },
      documents: {
        orderBy: { issuedAt: "asc" },
        select: {
          id: true,
          type: true,
          number: true,
          atcud: true,
          mode: true,
          issuedAt: true,
          amountGrossCents: true,
          amountNetCents: true,
          lines: true,
          reason: true,
          credits: { select: { number: true } },
        },
      },
      jobs: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          kind: true,
          status: true,
          attempts: true,
          lastErrorKind: true,
          lastErrorCode: true,
          lastErrorMessage: true,
          createdAt: true,
          updatedAt: true,
        },
      },
    },
  });
});
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;
