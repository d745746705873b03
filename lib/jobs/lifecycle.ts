// A job's states as a run moves it along. Every write is conditioned on the dispatch number the run was
// started for: a run made stale by a newer dispatch (a retry, a re-sent stuck job) cannot overwrite it.
import type { Db } from "@/lib/db";
import type { ErrorKind, JobKind, JobStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface RunRef {
  jobId: string;
  dispatchCount: number;
}

export interface StartedJob {
  id: string;
  storeId: string;
  kind: JobKind;
  subject: string;
  orderId: string | null;
  payload: Prisma.JsonValue;
}

export type StartResult = { state: "started"; job: StartedJob } | { state: "stale" | "finished" | "missing"; status?: JobStatus };

const runnable: JobStatus[] = ["waiting_dispatch", "queued", "running"];

/** Marks the job running for this run, or says why the run has nothing to do. */
export async function startJobRun(db: Db, ref: RunRef, runId: string | null): Promise<StartResult> {
  const job = await db.job.findUnique({
    where: { id: ref.jobId },
    select: { id: true, storeId: true, kind: true, subject: true, orderId: true, payload: true, status: true, dispatchCount: true },
  });
  if (!job) return { state: "missing" };
  if (job.dispatchCount !== ref.dispatchCount) return { state: "stale", status: job.status };
  if (!runnable.includes(job.status)) return { state: "finished", status: job.status };
  const updated = await db.job.updateMany({
    where: { id: ref.jobId, dispatchCount: ref.dispatchCount, status: { in: runnable } },
    data: { status: "running", attempts: { increment: 1 }, startedAt: new Date(), inngestRunId: runId, finishedAt: null },
  });
  if (updated.count === 0) return { state: "stale" };
  const { status: _status, dispatchCount: _count, ...rest } = job;
  return { state: "started", job: rest };
}

export async function finishJob(
  db: Db,
  ref: RunRef,
  outcome: { status: "succeeded" | "skipped"; message?: string | null; orderId?: string | null },
): Promise<boolean> {
  const updated = await db.job.updateMany({
    where: { id: ref.jobId, dispatchCount: ref.dispatchCount },
    data: {
      status: outcome.status,
      finishedAt: new Date(),
      lastErrorKind: null,
      lastErrorCode: null,
      // A skipped job says why it was skipped; a succeeded one has nothing to report.
      lastErrorMessage: outcome.status === "skipped" ? (outcome.message ?? null) : null,
      ...(outcome.orderId ? { orderId: outcome.orderId } : {}),
    },
  });
  return updated.count > 0;
}

export interface JobError {
  kind: ErrorKind;
  code: string | null;
  message: string;
}

/** The latest error, kept while the run retries, so the dashboard shows why a job is slow. */
export async function recordJobError(db: Db, ref: RunRef, error: JobError): Promise<void> {
  await db.job.updateMany({
    where: { id: ref.jobId, dispatchCount: ref.dispatchCount },
    data: { lastErrorKind: error.kind, lastErrorCode: error.code, lastErrorMessage: error.message.slice(0, 2000) },
  });
}

/**
 * The run gave up (a data problem, or retries exhausted). The classified error recorded by the failing step
 * is kept; `fallback` is used only when none was recorded (the run failed outside a step).
 * Returns the job when this call marked it failed, null when it was stale or already failed.
 */
export async function failJob(db: Db, ref: RunRef, fallback: JobError) {
  return db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: ref.jobId } });
    if (!job || job.dispatchCount !== ref.dispatchCount || job.status === "failed") return null;
    if (job.status === "succeeded" || job.status === "skipped") return null;
    const failed = await tx.job.update({
      where: { id: job.id },
      data: {
        status: "failed",
        finishedAt: new Date(),
        lastErrorKind: job.lastErrorKind ?? fallback.kind,
        lastErrorCode: job.lastErrorKind ? job.lastErrorCode : fallback.code,
        lastErrorMessage: job.lastErrorMessage ?? fallback.message.slice(0, 2000),
      },
    });
    if (failed.orderId && failed.kind === "invoice_order") {
      await tx.order.updateMany({ where: { id: failed.orderId, invoiceState: "pending" }, data: { invoiceState: "failed" } });
    }
    return failed;
  });
}
