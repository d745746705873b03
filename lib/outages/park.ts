// Parking a job (status "waiting") and sending parked jobs again. A parked job holds no Inngest run: the
// database remembers it, and the watch-outages sweep dispatches it again when its time comes or its service
// is back, oldest payment first, through the same per-store concurrency and per-key throttle as any job.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WaitReason } from "@/lib/generated/prisma/enums";
import { dispatchJobs, type DispatchResult, type SendEvents } from "@/lib/jobs/dispatch";
import { recordJobEvent, type RunRef } from "@/lib/jobs/lifecycle";
import { parkDelayMs } from "./policy";

export interface ParkRequest {
  storeId: string;
  reason: WaitReason;
  /** "backoff": after the job's own growing delay; null: when the service is back or the store reconnected. */
  retry: "backoff" | Date | null;
  /** An outage failure of this job (its backoff grows); false for a wait it did not cause (a breaker already open). */
  countsAsFailure: boolean;
  /** Opens (or joins) the store's outage record: shown on the dashboard and e-mailed once. */
  outage?: { breakerId: string | null; message: string | null };
}

export interface Parked {
  parked: true;
  reason: WaitReason;
  retryAt: string | null;
}

/** Parks the job of this run; a stale run (a newer dispatch exists) changes nothing. */
export async function parkJob(db: Db, ref: RunRef, request: ParkRequest, now = new Date()): Promise<Parked> {
  const job = await db.job.findUnique({ where: { id: ref.jobId }, select: { transientFailures: true } });
  const failures = (job?.transientFailures ?? 0) + (request.countsAsFailure ? 1 : 0);
  const retryAt =
    request.retry === "backoff" ? new Date(now.getTime() + parkDelayMs(Math.max(1, failures))) : request.retry;
  const parked = await db.job.updateMany({
    where: {
      id: ref.jobId,
      dispatchCount: ref.dispatchCount,
      status: { in: ["running", "queued", "waiting_dispatch"] },
    },
    data: { status: "waiting", waitingFor: request.reason, retryAt, transientFailures: failures, finishedAt: null },
  });
  if (parked.count > 0) await recordJobEvent(db, ref, { type: "parked", message: request.reason });
  if (request.outage) await openOutage(db, request.storeId, request.reason, request.outage, now);
  return { parked: true, reason: request.reason, retryAt: retryAt?.toISOString() ?? null };
}

export function isParked(value: unknown): value is Parked {
  return typeof value === "object" && value !== null && (value as { parked?: unknown }).parked === true;
}

/** The store's open outage for this reason, created if there is none (one per store and reason at a time). */
export async function openOutage(
  db: Db,
  storeId: string,
  reason: WaitReason,
  details: { breakerId: string | null; message: string | null },
  now = new Date(),
): Promise<{ id: string; created: boolean }> {
  return db.$transaction(async (tx) => {
    // Serialises the check-then-insert per store across processes.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`outage:${storeId}`}))`;
    const open = await tx.outage.findFirst({ where: { storeId, reason, endedAt: null }, select: { id: true } });
    if (open) return { id: open.id, created: false };
    const created = await tx.outage.create({
      data: { storeId, reason, breakerId: details.breakerId, message: details.message?.slice(0, 500), startedAt: now },
      select: { id: true },
    });
    return { id: created.id, created: true };
  });
}

const sendBatch = 500;

/**
 * Sends parked jobs again, oldest payment first (then oldest job): each gets a new dispatch number, so its
 * event is new to Inngest. Runs start in this order and take turns by the functions' own flow control.
 */
export async function releaseParkedJobs(
  db: Db,
  where: Prisma.JobWhereInput,
  send?: SendEvents,
  limit = 5_000,
): Promise<DispatchResult> {
  const jobs = await db.job.findMany({
    where: { AND: [{ status: "waiting" }, where] },
    // Payment times have the shop's one-second precision: within a second, the shop's order number decides.
    orderBy: [
      { order: { paidAt: { sort: "asc", nulls: "last" } } },
      { order: { jumpsellerId: "asc" } },
      { createdAt: "asc" },
      { id: "asc" },
    ],
    take: limit,
    select: { id: true },
  });
  const result: DispatchResult = { sent: [], failed: [] };
  for (let i = 0; i < jobs.length; i += sendBatch) {
    const ids = jobs.slice(i, i + sendBatch).map((j) => j.id);
    await db.job.updateMany({
      where: { id: { in: ids }, status: "waiting" },
      data: { status: "waiting_dispatch", dispatchCount: { increment: 1 }, waitingFor: null, retryAt: null },
    });
    const sent = await dispatchJobs(db, ids, send);
    result.sent.push(...sent.sent);
    result.failed.push(...sent.failed);
  }
  return result;
}
