"use server";
// Fixing an order where it failed, from the dashboard. A correction of the customer's data (NIF or VAT number,
// Consumidor final, name and address) is stored for this order in Ponte, apart from the Jumpseller order, checked
// as the invoicing engine checks it, audited with the values it replaces, and used by the pipeline; the order's
// failed invoice job can be sent again in the same click. An issued invoice is never changed: credit and reissue
// credits it in full and issues a new one with the corrected data (lib/jobs/reissue.ts).
import { z } from "zod";
import { storeScope } from "@/lib/access";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkCorrection, correctedTaxId, type OrderCorrection } from "@/lib/invoicing";
import { requestCreditAndReissue, type ReissueRefusal } from "@/lib/jobs/reissue";
import { retryJob } from "@/lib/jobs/retry";
import { defineAction } from "./action";
import type { ActionError } from "./result";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

const correctionSchema = z.object({
  orderId: z.string().min(1).max(64),
  taxId: text(40),
  taxCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/)
    .optional()
    .transform((v) => v || null),
  consumidorFinal: z.boolean().optional().default(false),
  name: text(200),
  address: text(300),
  postalCode: text(20),
  city: text(100),
  /** Send the order's failed invoice job again once the correction is saved. */
  retry: z.boolean().optional().default(false),
});
export type CorrectionInput = z.input<typeof correctionSchema>;

export type CorrectionResult =
  { ok: true; retried: boolean } | { error: ActionError; fields?: Record<string, string> } | null;

interface OriginalValues {
  taxId: string | null;
  name: string | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
}

/** The order's own values, as Jumpseller last sent them (the latest delivery of the order keeps its address). */
async function originalValues(order: {
  id: string;
  storeId: string;
  jumpsellerId: number;
  nif: string | null;
  customerName: string | null;
}): Promise<OriginalValues> {
  const delivery = await db.webhookDelivery.findFirst({
    where: { storeId: order.storeId, resourceId: String(order.jumpsellerId), event: { startsWith: "order_" } },
    orderBy: { receivedAt: "desc" },
    select: { body: true },
  });
  const body = delivery?.body as { order?: { billing_address?: Record<string, unknown> } } | null;
  const billing = body?.order?.billing_address ?? {};
  const str = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  return {
    taxId: order.nif,
    name: order.customerName,
    address: str(billing.address),
    postalCode: str(billing.postal),
    city: str(billing.city),
  };
}

export const correctOrder = defineAction({
  permission: "jobs.retry",
  read: (input: CorrectionInput) => input,
  store: {
    via: "store",
    find: async (input, user) => {
      const orderId = z
        .string()
        .min(1)
        .max(64)
        .safeParse((input as { orderId?: unknown } | null)?.orderId);
      if (!orderId.success) return null;
      return db.order.findFirst({
        where: { id: orderId.data, ...storeScope(user) },
        select: { id: true, storeId: true, jumpsellerId: true, nif: true, customerName: true, country: true },
      });
    },
  },
  input: correctionSchema,
  run: async ({ user, found: order, input, audit }): Promise<CorrectionResult> => {
    const correction: OrderCorrection = {
      taxId: input.consumidorFinal ? null : input.taxId,
      taxCountry: input.consumidorFinal ? null : input.taxCountry,
      consumidorFinal: input.consumidorFinal,
      name: input.name,
      address: input.address,
      postalCode: input.postalCode,
      city: input.city,
    };
    const problems = checkCorrection(correction, order.country);
    if (problems.length > 0) {
      return { error: "invalid", fields: Object.fromEntries(problems.map((p) => [p.field, p.code])) };
    }
    const stored = {
      ...correction,
      taxId: correction.taxId ? correctedTaxId(correction.taxId, correction.taxCountry) : null,
    };
    const before = await db.orderCorrection.findUnique({ where: { orderId: order.id } });
    const original = (before?.original as OriginalValues | undefined) ?? (await originalValues(order));
    await db.$transaction(async (tx) => {
      await tx.orderCorrection.upsert({
        where: { orderId: order.id },
        create: {
          orderId: order.id,
          storeId: order.storeId,
          ...stored,
          original: { ...original },
          updatedById: user.id,
        },
        update: { ...stored, updatedById: user.id },
      });
      await audit(
        {
          action: "order.corrected",
          targetType: "order",
          targetId: order.id,
          details: {
            order: order.jumpsellerId,
            correction: { ...stored },
            previous: before
              ? {
                  taxId: before.taxId,
                  consumidorFinal: before.consumidorFinal,
                  name: before.name,
                  address: before.address,
                  postalCode: before.postalCode,
                  city: before.city,
                }
              : null,
            original: { ...original },
          } as Prisma.InputJsonObject,
        },
        tx,
      );
    });
    let retried = false;
    if (input.retry) {
      const failed = await db.job.findFirst({
        where: { orderId: order.id, kind: "invoice_order", status: "failed" },
        orderBy: { updatedAt: "desc" },
        select: { id: true },
      });
      if (failed) {
        const result = await retryJob({
          jobId: failed.id,
          requestedBy: user.id,
          via: "correction",
          scope: storeScope(user),
        });
        retried = result.ok;
      }
    }
    return { ok: true, retried };
  },
  revalidate: ({ found: order }) => [`/orders/${order.id}`, "/orders", "/jobs"],
});

export type RemoveCorrectionResult = { ok: true; removed: boolean } | null;

/**
 * Removes the order's correction: the engine goes back to the order's data as Jumpseller sent it. Documents
 * already issued with the correction are not touched (only a credit and reissue changes them). Audited with
 * the values removed; removing a correction that is not there changes nothing.
 */
export const removeCorrection = defineAction({
  permission: "jobs.retry",
  read: (orderId: string) => ({ orderId }),
  store: {
    via: "store",
    find: async ({ orderId }, user) => {
      const id = z.string().min(1).max(64).safeParse(orderId);
      if (!id.success) return null;
      return db.order.findFirst({
        where: { id: id.data, ...storeScope(user) },
        select: { id: true, storeId: true, jumpsellerId: true },
      });
    },
  },
  run: async ({ found: order, audit }): Promise<RemoveCorrectionResult> => {
    const removed = await db.$transaction(async (tx) => {
      const [correction] = await tx.orderCorrection.findMany({ where: { orderId: order.id }, take: 1 });
      if (!correction) return false;
      // deleteMany: a removal made at the same moment by someone else is not an error.
      const deleted = await tx.orderCorrection.deleteMany({ where: { id: correction.id } });
      if (deleted.count === 0) return false;
      await audit(
        {
          action: "order.correction_removed",
          targetType: "order",
          targetId: order.id,
          details: {
            order: order.jumpsellerId,
            removed: {
              taxId: correction.taxId,
              taxCountry: correction.taxCountry,
              consumidorFinal: correction.consumidorFinal,
              name: correction.name,
              address: correction.address,
              postalCode: correction.postalCode,
              city: correction.city,
            },
            original: correction.original ?? null,
          } as Prisma.InputJsonObject,
        },
        tx,
      );
      return true;
    });
    return { ok: true, removed };
  },
  revalidate: ({ found: order }) => [`/orders/${order.id}`],
});

export type ReissueActionResult =
  { ok: true; jobId: string; repeated: boolean } | { error: ActionError | ReissueRefusal } | null;

/**
 * Credits the whole invoice ("wrong customer data") and issues a new one with the order's corrected data. The
 * caller confirms the invoice's number as shown to the user, so a stale page never reissues another invoice.
 */
export const creditAndReissue = defineAction({
  permission: "credit-notes.issue",
  read: (documentId: string, number: string) => ({ documentId, number }),
  store: {
    via: "document",
    find: async ({ documentId }, user) => {
      const id = z.string().min(1).max(64).safeParse(documentId);
      if (!id.success) return null;
      return db.document.findFirst({
        where: { id: id.data, ...storeScope(user) },
        select: { id: true, storeId: true, orderId: true, number: true },
      });
    },
  },
  run: async ({ user, found: invoice, input }): Promise<ReissueActionResult> => {
    if (input.number !== invoice.number) return { error: "invalid" };
    const result = await requestCreditAndReissue(invoice.id, {
      requestedBy: user.id,
      via: "dashboard",
      scope: storeScope(user),
    });
    return result.ok ? { ok: true, jobId: result.jobId, repeated: result.repeated } : { error: result.error };
  },
  revalidate: ({ found: invoice }) => [...(invoice.orderId ? [`/orders/${invoice.orderId}`] : []), "/orders", "/jobs"],
});
