// One order with its documents and jobs, as the signed-in user may see it.
import { cache } from "react";
import { storeScope, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { jobRetryState, jobSummarySelect } from "./jobs";

/** Cheap visibility check for the order route's layout: null becomes a 404 before anything streams. */
export async function findVisibleOrder(user: SessionUser, orderId: string) {
  return db.order.findFirst({ where: { id: orderId, ...storeScope(user) }, select: { id: true } });
}

export const getOrderDetail = cache(async (user: SessionUser, orderId: string) => {
  const order = await db.order.findFirst({
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
      invoiceWarnings: true,
      viesCheck: true,
      currency: true,
      totalCents: true,
      orderedAt: true,
      paidAt: true,
      store: { select: { id: true, name: true, code: true } },
      correction: {
        select: {
          taxId: true,
          taxCountry: true,
          consumidorFinal: true,
          name: true,
          address: true,
          postalCode: true,
          city: true,
          original: true,
        },
      },
      documents: {
        // Documents sharing their issue time (Vendus dates to the second, or only the day): as made (lib/ids.ts).
        orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          orderId: true,
          type: true,
          number: true,
          atcud: true,
          mode: true,
          issuedAt: true,
          amountGrossCents: true,
          amountNetCents: true,
          lines: true,
          reason: true,
          creditsId: true,
          credits: { select: { number: true } },
          invoiceForOrderId: true,
        },
      },
      jobs: {
        orderBy: { createdAt: "desc" },
        select: jobSummarySelect,
      },
    },
  });
  if (!order) return null;
  const now = Date.now();
  return { ...order, jobs: order.jobs.map((job) => ({ ...job, ...jobRetryState(job, user, now) })) };
});
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;
