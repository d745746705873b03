// Asking for a credit note (the dashboard's "issue credit note", the CLI's creditnote:issue). The request
// becomes a job with its own id as subject, so asking twice gives two requests, while retrying one request
// never issues a second credit note (its tx_id is derived from the subject).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db as defaultDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { newRowId } from "@/lib/ids";
import { dispatchJobs } from "./dispatch";
import type { RetryDeps } from "./retry";

export const creditReasonPresets = [
  "wrong_customer_data",
  "order_cancelled",
  "returned_goods",
  "wrong_price",
  "other",
] as const;

export const creditNoteRequestSchema = z
  .object({
    documentId: z.string().min(1),
    reason: z.object({ preset: z.enum(creditReasonPresets), text: z.string().trim().max(200).optional() }),
    /** Omitted: credit everything still creditable. */
    lines: z
      .array(z.object({ row: z.number().int().positive(), qty: z.number().positive() }))
      .min(1)
      .optional(),
  })
  .refine((r) => r.reason.preset !== "other" || Boolean(r.reason.text), {
    message: 'describe the reason when it is "other"',
    path: ["reason", "text"],
  });
export type CreditNoteRequestInput = z.input<typeof creditNoteRequestSchema>;

export interface CreditNoteRequester {
  requestedBy: string | null;
  via?: string;
  /** Tenant filter the invoice must match (e.g. `storeScope(user)`). */
  scope?: Prisma.DocumentWhereInput;
}

export type RequestCreditNoteResult =
  | { ok: true; jobId: string; dispatched: boolean }
  | { ok: false; error: "invalid"; issues: string[] }
  | { ok: false; error: "not_found" | "not_an_invoice" };

export async function requestCreditNote(
  input: CreditNoteRequestInput,
  requester: CreditNoteRequester,
  deps: RetryDeps = {},
): Promise<RequestCreditNoteResult> {
  const db = deps.db ?? defaultDb;
  const parsed = creditNoteRequestSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: "invalid", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const request = parsed.data;
  const invoice = await db.document.findFirst({
    where: { AND: [{ id: request.documentId }, requester.scope ?? {}] },
    select: { id: true, type: true, storeId: true, orderId: true, number: true },
  });
  if (!invoice) return { ok: false, error: "not_found" };
  if (invoice.type === "NC") return { ok: false, error: "not_an_invoice" };

  const job = await db.$transaction(async (tx) => {
    const created = await tx.job.create({
      data: {
        storeId: invoice.storeId,
        kind: "credit_note",
        subject: `request:${randomUUID()}`,
        orderId: invoice.orderId,
        requestedById: requester.requestedBy,
        payload: {
          documentId: invoice.id,
          scope: request.lines ? "lines" : "full",
          lines: request.lines ?? [],
          reason: request.reason,
          automatic: false,
        },
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: requester.requestedBy,
        storeId: invoice.storeId,
        action: "credit_note.requested",
        targetType: "document",
        targetId: invoice.id,
        details: {
          via: requester.via ?? "dashboard",
          jobId: created.id,
          invoice: invoice.number,
          reason: request.reason,
          lines: request.lines ?? "all",
        },
      },
    });
    return created;
  });
  const sent = await dispatchJobs(db, [job.id], deps.send);
  return { ok: true, jobId: job.id, dispatched: sent.sent.length > 0 };
}

/**
 * The automatic credit note of a cancelled order (stores with autoCreditNote): one job per order, whoever
 * comes first, the cancellation's webhook or the invoice saved after it. `fresh` is false when it existed.
 */
export async function insertCancellationCreditJob(
  tx: Prisma.TransactionClient,
  input: { storeId: string; orderId: string; documentId: string },
): Promise<{ id: string; fresh: boolean }> {
  const [job] = await tx.$queryRaw<{ id: string; fresh: boolean }[]>`
    ${cancellationCreditJobInsert({ ...input, documentId: Prisma.sql`${input.documentId}`, when: Prisma.empty })}
    RETURNING "id", (xmax = 0) AS fresh`;
  return job!;
}

/**
 * The statement that inserts a cancellation's credit-note job (insertCancellationCreditJob), for use inside a
 * larger statement: `documentId` may be a column, and `when` a FROM and WHERE clause that decides whether a row
 * is inserted at all.
 */
export function cancellationCreditJobInsert(input: {
  storeId: string;
  orderId: string;
  documentId: Prisma.Sql;
  when: Prisma.Sql;
}): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Job" ("id", "storeId", "kind", "subject", "status", "orderId", "payload", "updatedAt")
    SELECT ${newRowId()}, ${input.storeId}, 'credit_note', ${`cancel:${input.orderId}`}, 'waiting_dispatch',
      ${input.orderId}, jsonb_build_object('documentId', (${input.documentId})::text, 'scope', 'full',
        'reason', jsonb_build_object('preset', 'order_cancelled'), 'automatic', true), now()
    ${input.when}
    ON CONFLICT ("storeId", "kind", "subject") DO UPDATE SET "updatedAt" = "Job"."updatedAt"`;
}
