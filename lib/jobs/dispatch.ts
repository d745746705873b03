// Sending jobs to Inngest. The database decides what runs; Inngest only executes. A job is first stored as
// waiting_dispatch; once its event is accepted it becomes queued. A send that fails leaves it waiting, and
// the dispatch-waiting function sends it later, so an Inngest outage loses nothing. The event id
// "<jobId>:<dispatchCount>" makes a repeated send of the same dispatch harmless (Inngest drops it).
import { signValue } from "@/lib/crypto";
import type { Db } from "@/lib/db";
import type { JobKind } from "@/lib/generated/prisma/enums";
import { loadStoreSecrets } from "@/lib/stores";
import { inngest } from "@/lib/inngest/client";
import { jobEventNames, type JobEventData } from "@/lib/inngest/events";

export interface JobEvent {
  name: string;
  id: string;
  data: JobEventData;
}

export type SendEvents = (events: JobEvent[]) => Promise<unknown>;

export interface DispatchResult {
  sent: string[];
  failed: { jobId: string; error: string }[];
}

export function jobEventId(jobId: string, dispatchCount: number): string {
  return `${jobId}:${dispatchCount}`;
}

const throttleKeys = new Map<string, { value: string; expiresAt: number }>();

/**
 * A stable, non-secret stand-in for the store's Vendus key: the throttle groups runs by it, so two stores
 * sharing one Vendus account share one budget. Keyed HMAC, so it reveals nothing about the key.
 */
export async function vendusThrottleKey(db: Db, storeId: string): Promise<string> {
  const cached = throttleKeys.get(storeId);
  if (cached && cached.expiresAt > Date.now()) return cached.value;
  const { vendusApiKey } = await loadStoreSecrets(db, storeId);
  const value = signValue("vendus-throttle", vendusApiKey).slice(0, 22);
  throttleKeys.set(storeId, { value, expiresAt: Date.now() + 5 * 60_000 });
  return value;
}

/** A store's key changed: the next event carries the new key's digest. */
export function forgetVendusThrottleKey(storeId: string): void {
  throttleKeys.delete(storeId);
}

/** The production sender: the Inngest client (tests pass their own, or mock @/lib/inngest/client). */
const inngestSender: SendEvents = (events) => inngest.send(events);

/**
 * Sends the given jobs if they still wait for it, in one call to Inngest and one update. A job whose event
 * cannot be built (say, a secret that no longer opens) is reported on its own and does not hold the others
 * back; if Inngest refuses the call, every job stays waiting_dispatch for the scheduled dispatcher.
 */
export async function dispatchJobs(db: Db, jobIds: string[], send?: SendEvents): Promise<DispatchResult> {
  const result: DispatchResult = { sent: [], failed: [] };
  if (jobIds.length === 0) return result;
  const sender = send ?? inngestSender;
  // With each job, when its order was paid: deliveries of one burst arrive (and are stored) in any order.
  const jobs = await db.$queryRaw<
    { id: string; storeId: string; kind: JobKind; dispatchCount: number; paidAt: Date | null; number: number | null }[]
  >`
    SELECT j."id", j."storeId", j."kind"::text AS kind, j."dispatchCount",
      COALESCE(o."paidAt", o."orderedAt") AS "paidAt", o."jumpsellerId" AS number
    FROM "Job" j LEFT JOIN "Order" o ON o."id" = j."orderId"
    WHERE j."id" = ANY(${jobIds}::text[]) AND j."status" = 'waiting_dispatch'`;
  const built: { job: (typeof jobs)[number]; event: JobEvent }[] = [];
  await Promise.all(
    jobs.map(async (job) => {
      try {
        built.push({ job, event: await buildJobEvent(db, job) });
      } catch (error) {
        result.failed.push({ jobId: job.id, error: notDispatched(job.id, error) });
      }
    }),
  );
  if (built.length === 0) return result;
  // Events go out in payment order (then in the order asked): runs start in that order, so a store's invoices
  // are issued in the order its orders were paid even when their webhooks were stored in another.
  const position = new Map(jobIds.map((id, i) => [id, i]));
  const paidKey = (job: (typeof jobs)[number]) => job.paidAt?.getTime() ?? Number.POSITIVE_INFINITY;
  built.sort(
    (a, b) =>
      paidKey(a.job) - paidKey(b.job) ||
      (a.job.number ?? Number.POSITIVE_INFINITY) - (b.job.number ?? Number.POSITIVE_INFINITY) ||
      (position.get(a.job.id) ?? 0) - (position.get(b.job.id) ?? 0),
  );
  try {
    await sender(built.map((b) => b.event));
  } catch (error) {
    for (const { job } of built) result.failed.push({ jobId: job.id, error: notDispatched(job.id, error) });
    return result;
  }
  // Only a job still at this dispatch moves to queued: a run that already started (and marked it running)
  // or a newer dispatch must not be overwritten. One statement for the whole batch.
  const ids = built.map((b) => b.job.id);
  const counts = built.map((b) => b.job.dispatchCount);
  await db.$executeRaw`
    UPDATE "Job" AS j SET "status" = 'queued', "dispatchedAt" = now(), "updatedAt" = now(),
      "inngestEventId" = j."id" || ':' || j."dispatchCount"
    FROM unnest(${ids}::text[], ${counts}::int[]) AS b(id, count)
    WHERE j."id" = b.id AND j."dispatchCount" = b.count AND j."status" = 'waiting_dispatch'`;
  result.sent.push(...ids);
  return result;
}

function notDispatched(jobId: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  console.warn(`Job ${jobId} not dispatched (it stays waiting_dispatch): ${message}`);
  return message;
}

/**
 * Gathers the jobs of concurrent webhook deliveries for `windowMs` and dispatches them together: under a burst,
 * one Inngest call and one read and one write of the jobs serve many deliveries instead of one each. At 100
 * deliveries/s a 10 ms window still made nearly one batch per delivery, whose work (two statements, an HTTP
 * call to Inngest) competed with the answers to the next deliveries; 50 ms caps it at 20 batches a second
 * whatever the rate, and an invoice that takes seconds starts 50 ms later at most.
 * Each caller's promise settles when its batch is done.
 */
export function createDispatchBatcher(dispatch: (jobIds: string[]) => Promise<DispatchResult>, windowMs = 50) {
  let pending: { ids: string[]; done: Promise<DispatchResult> } | null = null;
  return (jobIds: string[]): Promise<DispatchResult> => {
    if (!pending) {
      const batch: { ids: string[]; done: Promise<DispatchResult> } = {
        ids: [],
        done: Promise.resolve({ sent: [], failed: [] }),
      };
      batch.done = new Promise((resolve) => setTimeout(resolve, windowMs)).then(() => {
        if (pending === batch) pending = null;
        return dispatch(batch.ids);
      });
      pending = batch;
    }
    pending.ids.push(...jobIds);
    return pending.done;
  };
}

export async function buildJobEvent(
  db: Db,
  job: { id: string; storeId: string; kind: JobKind; dispatchCount: number },
): Promise<JobEvent> {
  return {
    name: jobEventNames[job.kind],
    id: jobEventId(job.id, job.dispatchCount),
    data: {
      jobId: job.id,
      storeId: job.storeId,
      dispatchCount: job.dispatchCount,
      vendusKey: await vendusThrottleKey(db, job.storeId),
    },
  };
}

/** Jobs queued this long ago without a run starting are presumed lost by Inngest and sent again. */
export const stuckQueuedAfterMs = 15 * 60_000;

/**
 * A running invoice or credit-note job whose run has written nothing on it for this long is presumed dead (its
 * process was lost, or the database was away longer than the whole retry window, so neither the run nor its
 * failure handler could record anything) and is sent again. Until then it holds back its store's later
 * invoices (lib/jobs/payment-order.ts), so the lease is just over the longest silence of a live run.
 *
 * Such a run writes the job at every step (its start, the built document, the POST claim, the attach
 * markers, the finish) and at every failed attempt (its error), except while the database is away: a step's
 * retries then wait 5 + 15 + 45 + 135 + 405 = 605 s (lib/outages/policy.ts, 5 retries), and its failure
 * handler, which parks the job, is retried once after 5 s: 610 s. Other silences are shorter: Inngest's
 * backoff after an attempt that recorded its error is at most 5 min 30 s; a rate limit's reset is waited out
 * in the run only up to `longestWaitInRunMs` (5 min; a later one parks the job). The 4 min 50 s left cover
 * the attempts themselves (15 s per HTTP call, a refused connection fails at once) and a step's wait for
 * the store's turn. It is also when the dashboard calls a job stuck and lets a person send it again
 * (lib/jobs/retry.ts).
 *
 * Sending again a job whose run is in fact alive stays safe: the new dispatch number makes the old run's
 * writes void, and the new run looks the document up by its external_reference before any POST (whose
 * tx_id Vendus refuses twice); the order keeps one invoice.
 */
export const staleRunningAfterMs = 15 * 60_000;

/**
 * Catalog jobs: a run syncs a product's variants one step each without writing the job, and nothing waits
 * behind it, so its lease stays long.
 */
export const staleCatalogRunningAfterMs = 60 * 60_000;

const documentKinds: JobKind[] = ["invoice_order", "credit_note"];

/**
 * What the dispatch-waiting function does every minute: send every waiting job, and give queued jobs that
 * never started, and running jobs whose run died, a new dispatch number (hence a new event id, which Inngest
 * will not drop as a repeat). The new dispatch makes the old run stale: should it still be alive, none of
 * its writes apply, and the new run looks its invoice up by external_reference before any POST.
 */
export async function dispatchWaitingJobs(
  db: Db,
  send?: SendEvents,
  now = new Date(),
  limit = 500,
): Promise<DispatchResult> {
  await db.job.updateMany({
    where: { status: "queued", dispatchedAt: { lt: new Date(now.getTime() - stuckQueuedAfterMs) } },
    data: { status: "waiting_dispatch", dispatchCount: { increment: 1 } },
  });
  await db.job.updateMany({
    where: {
      status: "running",
      OR: [
        { kind: { in: documentKinds }, updatedAt: { lt: new Date(now.getTime() - staleRunningAfterMs) } },
        { updatedAt: { lt: new Date(now.getTime() - staleCatalogRunningAfterMs) } },
      ],
    },
    data: { status: "waiting_dispatch", dispatchCount: { increment: 1 } },
  });
  const waiting = await db.job.findMany({
    where: { status: "waiting_dispatch" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (waiting.length === 0) return { sent: [], failed: [] };
  return dispatchJobs(
    db,
    waiting.map((j) => j.id),
    send,
  );
}
