// A job's states as a run moves it along. Every write is conditioned on the dispatch number the run was
// started for: a run made stale by a newer dispatch (a retry, a re-sent stuck job) cannot overwrite it.
// Each change a run makes is also appended to the job's events (JobEvent), which the order's timeline shows:
// the job row keeps only the latest state and error.
import { queryRows, type Db } from "@/lib/db";
import type { ErrorKind, JobEventType, JobKind, JobStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { lisbonDay } from "@/lib/lisbon-time";
import { dispatchJobs } from "./dispatch";
import type { JobErrorCode, JobErrorParams } from "./error-codes";
import { releaseFirstWaitingBehind, releaseNextBehind } from "./payment-order";

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

export type StartResult =
  { state: "started"; job: StartedJob } | { state: "stale" | "finished" | "missing"; status?: JobStatus };

const runnable: JobStatus[] = ["waiting_dispatch", "queued", "running"];

type EventWriter = Pick<Db, "jobEvent">;

export interface JobEventEntry {
  type: JobEventType;
  attempt?: number | null;
  error?: { kind: ErrorKind; code: string | null; params?: Prisma.JsonValue; message: string } | null;
  message?: string | null;
  /** Why a run had nothing to do (a skip), said like an error's cause: code and values. */
  reason?: { code: JobErrorCode; params?: JobErrorParams } | null;
}

/** Appends one event of this run to the job's history. */
export async function recordJobEvent(db: EventWriter, ref: RunRef, entry: JobEventEntry): Promise<void> {
  await db.jobEvent.create({
    data: {
      jobId: ref.jobId,
      dispatch: ref.dispatchCount,
      type: entry.type,
      attempt: entry.attempt ?? null,
      errorKind: entry.error?.kind ?? null,
      errorCode: entry.error?.code ?? entry.reason?.code ?? null,
      errorParams: entry.error?.params ?? entry.reason?.params ?? Prisma.DbNull,
      message: (entry.error?.message ?? entry.message ?? null)?.slice(0, 2000) ?? null,
    },
  });
}

/**
 * Marks the job running for this run, or says why the run has nothing to do. The warm path is one round trip:
 * the update, conditioned on the dispatch and a runnable status, appends the "started" event with it.
 */
export async function startJobRun(db: Db, ref: RunRef, runId: string | null): Promise<StartResult> {
  const [started] = await queryRows<Omit<StartedJob, "kind"> & { kind: JobKind }>(
    db,
    Prisma.sql`
    WITH started AS (
      UPDATE "Job" SET "status" = 'running', "attempts" = "attempts" + 1, "startedAt" = ${new Date()},
        "inngestRunId" = ${runId}, "finishedAt" = NULL, "updatedAt" = now()
      WHERE "id" = ${ref.jobId} AND "dispatchCount" = ${ref.dispatchCount}
        AND "status" IN ('waiting_dispatch', 'queued', 'running')
      RETURNING "id", "storeId", "kind", "subject", "orderId", "payload"
    ), event AS (
      INSERT INTO "JobEvent" ("id", "jobId", "dispatch", "type")
      SELECT gen_random_uuid()::text, "id", ${ref.dispatchCount}, 'started' FROM started
    )
    SELECT "id", "storeId", "kind"::text AS "kind", "subject", "orderId", "payload" FROM started`,
  );
  if (started) return { state: "started", job: started };
  // Nothing to do: say why (a rarer path, one more read).
  const job = await db.job.findUnique({ where: { id: ref.jobId }, select: { status: true, dispatchCount: true } });
  if (!job) return { state: "missing" };
  if (job.dispatchCount !== ref.dispatchCount) return { state: "stale", status: job.status };
  if (!runnable.includes(job.status)) return { state: "finished", status: job.status };
  return { state: "stale" };
}

export async function finishJob(
  db: Db,
  ref: RunRef,
  outcome: {
    status: "succeeded" | "skipped";
    /** A skip's reason: the English text (the technical detail) and its code and values. */
    message?: string | null;
    reason?: { code: JobErrorCode; params?: JobErrorParams } | null;
    orderId?: string | null;
  },
): Promise<boolean> {
  const reason = outcome.status === "skipped" ? (outcome.reason ?? null) : null;
  // A skipped job says why it was skipped (in the reader's language, by its code); a succeeded one has nothing
  // to report. The job and its event are written in one statement.
  const message = outcome.status === "skipped" ? (outcome.message ?? null) : null;
  const params = reason?.params ? JSON.stringify(reason.params) : null;
  // An invoice job's end also releases the first job of its store waiting behind an earlier order
  // (lib/jobs/payment-order.ts), in the same statement; only then is anything sent.
  const [row] = await queryRows<{ finished: boolean; released: string | null }>(
    db,
    Prisma.sql`
    WITH finished AS (
      UPDATE "Job" SET "status" = ${outcome.status}::"JobStatus", "finishedAt" = ${new Date()}, "waitingFor" = NULL,
        "retryAt" = NULL, "transientFailures" = 0, "lastErrorKind" = NULL, "lastErrorCode" = ${reason?.code ?? null},
        "lastErrorParams" = ${params}::jsonb, "lastErrorMessage" = ${message},
        "orderId" = COALESCE(${outcome.orderId ?? null}, "orderId"), "updatedAt" = now()
      WHERE "id" = ${ref.jobId} AND "dispatchCount" = ${ref.dispatchCount}
      RETURNING "id", "storeId", "kind"::text AS "kind"
    ), event AS (
      INSERT INTO "JobEvent" ("id", "jobId", "dispatch", "type", "errorCode", "errorParams", "message")
      SELECT gen_random_uuid()::text, "id", ${ref.dispatchCount}, ${outcome.status}::"JobEventType",
        ${reason?.code ?? null}, ${params}::jsonb, ${message?.slice(0, 2000) ?? null}
      FROM finished
    ), ${releaseFirstWaitingBehind(Prisma.sql`finished`)}
    SELECT EXISTS (SELECT 1 FROM finished) AS finished, (SELECT "id" FROM released) AS released`,
  );
  if (row?.released) await dispatchJobs(db, [row.released]);
  return Boolean(row?.finished);
}

export interface JobError {
  kind: ErrorKind;
  /** A code of lib/jobs/error-codes.ts. */
  code: string;
  params?: JobErrorParams;
  /** The original English text: the technical detail. */
  message: string;
}

function paramsOf(error: JobError) {
  return error.params && Object.keys(error.params).length > 0 ? error.params : Prisma.DbNull;
}

/**
 * The latest error, kept while the run retries, so the dashboard shows why a job is slow; the failed attempt
 * (1-based, as Inngest counts the step's tries from 0) is appended to the job's events.
 */
export async function recordJobError(db: Db, ref: RunRef, error: JobError, attempt?: number): Promise<void> {
  const updated = await db.job.updateMany({
    where: { id: ref.jobId, dispatchCount: ref.dispatchCount },
    data: {
      lastErrorKind: error.kind,
      lastErrorCode: error.code,
      lastErrorParams: paramsOf(error),
      lastErrorMessage: error.message.slice(0, 2000),
    },
  });
  if (updated.count === 0) return;
  await recordJobEvent(db, ref, {
    type: "error",
    attempt: attempt === undefined ? null : attempt + 1,
    error: { kind: error.kind, code: error.code, params: error.params ?? null, message: error.message },
  });
}

/**
 * The run gave up (a data problem, or retries exhausted). The classified error recorded by the failing step
 * is kept; `fallback` is used only when none was recorded (the run failed outside a step).
 * Returns the job when this call marked it failed, null when it was stale or already failed.
 */
export async function failJob(db: Db, ref: RunRef, fallback: JobError, now = new Date()) {
  const failed = await markJobFailed(db, ref, fallback, now);
  // A failed invoice does not hold back the store's later orders: the first waiting behind it goes on.
  if (failed?.kind === "invoice_order") await releaseNextBehind(db, failed.storeId);
  return failed;
}

async function markJobFailed(db: Db, ref: RunRef, fallback: JobError, now: Date) {
  return db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: ref.jobId } });
    if (!job || job.dispatchCount !== ref.dispatchCount || job.status === "failed") return null;
    if (job.status === "succeeded" || job.status === "skipped") return null;
    const finishedAt = now;
    const failed = await tx.job.update({
      where: { id: job.id },
      data: {
        status: "failed",
        finishedAt,
        // The recorded error travels whole (kind, code, values, text); the fallback only when none was.
        ...(job.lastErrorKind
          ? {}
          : {
              lastErrorKind: fallback.kind,
              lastErrorCode: fallback.code,
              lastErrorParams: paramsOf(fallback),
              lastErrorMessage: job.lastErrorMessage ?? fallback.message.slice(0, 2000),
            }),
      },
    });
    // The overview's chart of failures per day (StoreDailyFailures), in the same transaction as the failure.
    await tx.$executeRaw`
      INSERT INTO "StoreDailyFailures" (day, "storeId", count) VALUES (${lisbonDay(finishedAt)}::date, ${job.storeId}, 1)
      ON CONFLICT (day, "storeId") DO UPDATE SET count = "StoreDailyFailures".count + 1`;
    await recordJobEvent(tx, ref, {
      type: "failed",
      error: {
        kind: failed.lastErrorKind ?? fallback.kind,
        code: failed.lastErrorCode,
        params: failed.lastErrorParams,
        message: failed.lastErrorMessage ?? fallback.message,
      },
    });
    if (failed.orderId && failed.kind === "invoice_order") {
      await tx.order.updateMany({
        where: { id: failed.orderId, invoiceState: "pending" },
        data: { invoiceState: "failed" },
      });
    }
    return failed;
  });
}
