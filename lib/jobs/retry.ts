// Running a job again on request: a failed job, or one stuck in flight. The retry is a new dispatch
// (dispatchCount + 1, hence a new event id that Inngest will not drop as a repeat), the error is reset,
// and who asked is recorded. The invoice pipeline itself guarantees that a retry never issues a second
// document (see lib/pipeline/invoice.ts).
import { db as defaultDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { dispatchJobs, type SendEvents } from "./dispatch";

export interface RetryRequest {
  jobId: string;
  /** The user who asked; null for the operator CLI or the system. */
  requestedBy: string | null;
  /** Where the request came from, for the audit trail ("dashboard", "cli"). */
  via?: string;
  /** A tenant filter the job must match (e.g. `storeScope(user)`); omitted only for operators. */
  scope?: Prisma.JobWhereInput;
}

export interface RetryDeps {
  db?: Db;
  send?: SendEvents;
}

export type RetryResult =
  | { ok: true; jobId: string; eventId: string; dispatched: boolean }
  | { ok: false; error: "not_found" | "not_retriable"; status?: JobStatus };

/** A job in flight for this long without finishing is considered stuck, and may be retried. */
export const stuckAfterMs = 15 * 60_000;

function retriableWhere(now: Date): Prisma.JobWhereInput {
  const stuckSince = new Date(now.getTime() - stuckAfterMs);
  return {
    OR: [
      { status: "failed" },
      { status: "waiting_dispatch" },
      // Parked for an outage or a reconnection: a person may try it now rather than wait.
      { status: "waiting" },
      { status: { in: ["queued", "running"] }, updatedAt: { lt: stuckSince } },
    ],
  };
}

export async function retryJob(request: RetryRequest, deps: RetryDeps = {}): Promise<RetryResult> {
  const db = deps.db ?? defaultDb;
  const now = new Date();
  const job = await db.job.findFirst({ where: { AND: [{ id: request.jobId }, request.scope ?? {}] } });
  if (!job) return { ok: false, error: "not_found" };
  const reset = await db.$transaction(async (tx) => {
    const updated = await tx.job.updateMany({
      where: { AND: [{ id: job.id, dispatchCount: job.dispatchCount }, retriableWhere(now)] },
      data: {
        status: "waiting_dispatch",
        dispatchCount: { increment: 1 },
        lastErrorKind: null,
        lastErrorCode: null,
        lastErrorParams: Prisma.DbNull,
        lastErrorMessage: null,
        finishedAt: null,
        waitingFor: null,
        retryAt: null,
        requestedById: request.requestedBy,
      },
    });
    if (updated.count === 0) return false;
    if (job.orderId && job.kind === "invoice_order") {
      await tx.order.updateMany({
        where: { id: job.orderId, invoiceState: "failed" },
        data: { invoiceState: "pending" },
      });
    }
    await tx.auditEvent.create({
      data: {
        actorId: request.requestedBy,
        storeId: job.storeId,
        action: "job.retried",
        targetType: "job",
        targetId: job.id,
        details: {
          via: request.via ?? "dashboard",
          previousStatus: job.status,
          previousError: job.lastErrorMessage,
          previousErrorCode: job.lastErrorCode,
          dispatch: job.dispatchCount + 1,
        },
      },
    });
    return true;
  });
  if (!reset) return { ok: false, error: "not_retriable", status: job.status };
  const sent = await dispatchJobs(db, [job.id], deps.send);
  return { ok: true, jobId: job.id, eventId: `${job.id}:${job.dispatchCount + 1}`, dispatched: sent.sent.length > 0 };
}

export interface RetryManyRequest {
  storeId?: string;
  status: "failed";
  requestedBy: string | null;
  via?: string;
  scope?: Prisma.JobWhereInput;
  /** At most this many jobs per call. */
  limit?: number;
}

/** Retries every failed job (of one store, or all visible ones), oldest first. */
export async function retryJobs(request: RetryManyRequest, deps: RetryDeps = {}) {
  const db = deps.db ?? defaultDb;
  const jobs = await db.job.findMany({
    where: {
      AND: [{ status: request.status }, request.storeId ? { storeId: request.storeId } : {}, request.scope ?? {}],
    },
    orderBy: { createdAt: "asc" },
    take: request.limit ?? 500,
    select: { id: true },
  });
  const results: RetryResult[] = [];
  for (const job of jobs) {
    results.push(
      await retryJob(
        { jobId: job.id, requestedBy: request.requestedBy, via: request.via, scope: request.scope },
        { db, send: deps.send },
      ),
    );
  }
  return {
    retried: results.filter((r) => r.ok).length,
    skipped: results.filter((r) => !r.ok).length,
    results,
  };
}
