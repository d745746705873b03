// What every job function shares: turning the pipeline's classified errors into Inngest's retry decisions
// (or into a parked job, for an outage), and the failure handler that marks the job failed and e-mails the store.
import { NonRetriableError, RetryAfterError } from "inngest";
import { notifyJobFailure } from "@/lib/email/notify-failure";
import { isDatabaseUnavailable, isDatabaseUnavailableMessage } from "@/lib/db-availability";
import { isServiceError } from "@/lib/errors";
import type { OutsideService, WaitReason } from "@/lib/generated/prisma/enums";
import { failJob, finishJob, recordJobError, startJobRun, type RunRef } from "@/lib/jobs/lifecycle";
import { BehindEarlierOrder, releaseUnheldJobs } from "@/lib/jobs/payment-order";
import { collectAnswers } from "@/lib/outages/answers";
import { blockingReason, breakerKeysFor, recordServiceFailure, recordServiceSuccess } from "@/lib/outages/breaker";
import { parkJob, type Parked } from "@/lib/outages/park";
import { ServiceUnavailableNow } from "@/lib/outages/unavailable-now";
import { databaseRetryDelayMs, longestWaitInRunMs, quickAttempts } from "@/lib/outages/policy";
import { classifyError } from "@/lib/pipeline/errors";
import { pipelineServices } from "@/lib/pipeline/services";
import { jobEventDataSchema, type JobEventData } from "@/lib/inngest/events";
import { jobRetries } from "./flow-control";

export function runRef(data: JobEventData): RunRef {
  return { jobId: data.jobId, dispatchCount: data.dispatchCount };
}

/** What a step needs to know about its run: the job, the services' breakers, and the step's attempt. */
export interface StepScope {
  ref: RunRef;
  storeId: string;
  vendusKey: string;
  /** 0-based attempt of the current step (Inngest counts per step). */
  attempt: number;
}

function outsideServiceOf(error: unknown): OutsideService | null {
  if (!isServiceError(error)) return null;
  return error.service === "vendus" || error.service === "jumpseller" ? error.service : null;
}

/** A refused credential is not an outage: the store must be reconnected (a new key, a new authorisation). */
function credentialReason(error: unknown): WaitReason | null {
  if (!isServiceError(error) || error.kind !== "auth") return null;
  if (error.service === "vendus") return "vendus_key";
  if (error.service === "jumpseller") return "jumpseller_access";
  return null;
}

/**
 * Wraps a step body. A data problem stops the run at once (NonRetriableError); a rate limit waits until the
 * service's reset (RetryAfterError); an outage failure is retried quickly once, then the job is parked with a
 * growing delay, or at once when the service's breaker is open; refused credentials park the job until the
 * store is reconnected. Anything else (a bug, the database) is retried with Inngest's backoff. The
 * classified error is written on the job first, so the dashboard shows why a job waits.
 */
export function guarded<T>(scope: StepScope, work: () => Promise<T>): () => Promise<T | Parked> {
  return async () => {
    const db = pipelineServices().db;
    const breakers = breakerKeysFor(scope);
    const park = (request: Omit<Parameters<typeof parkJob>[2], "storeId">) =>
      parkJob(db, scope.ref, { ...request, storeId: scope.storeId });
    try {
      const { value, answered } = await collectAnswers(work);
      for (const service of answered) await recordServiceSuccess(db, breakers[service]);
      return value;
    } catch (error) {
      // The database away: nothing can be recorded now; the step is retried later, and a run whose retries
      // run out parks the job instead of failing it (onJobFailure).
      if (isDatabaseUnavailable(error)) throw waitForDatabase(error, scope.attempt);
      // The service's breaker opened while this run was under way: it waits with the others, as at its start.
      if (error instanceof ServiceUnavailableNow) {
        return park({
          reason: error.service,
          retry: null,
          countsAsFailure: false,
          outage: { breakerId: error.breakerId, message: null },
        });
      }
      // An earlier-paid order of the store still has its invoice to issue: this one waits behind it, released
      // when that job ends. Should it have ended between the check and the park, the job goes on at once.
      if (error instanceof BehindEarlierOrder) {
        const parked = await park({ reason: "behind_earlier_order", retry: null, countsAsFailure: false });
        await releaseUnheldJobs(db, [scope.ref.jobId]);
        return parked;
      }
      const classified = classifyError(error);
      await recordJobError(db, scope.ref, classified, scope.attempt).catch((dbError: unknown) => {
        console.error(`Could not record the error of job ${scope.ref.jobId}:`, dbError);
      });
      const service = outsideServiceOf(error);
      const credentials = credentialReason(error);
      if (credentials) {
        return park({
          reason: credentials,
          retry: null,
          countsAsFailure: false,
          outage: { breakerId: null, message: classified.message },
        });
      }
      if (classified.retry.mode === "never") throw new NonRetriableError(classified.message, { cause: error });
      if (classified.retry.mode === "at") {
        // A 429 is not an outage: wait for the reset, and park rather than fail if the resets keep coming, or
        // if the reset is too far off for a run to wait silent (a ban).
        const isNear = classified.retry.at.getTime() - Date.now() <= longestWaitInRunMs;
        if (scope.attempt < jobRetries && isNear)
          throw new RetryAfterError(classified.message, classified.retry.at, { cause: error });
        return park({ reason: service ?? "vendus", retry: classified.retry.at, countsAsFailure: false });
      }
      if (service && classified.kind === "transient") {
        const breaker = await recordServiceFailure(
          db,
          { ...breakers[service], probeStoreId: scope.storeId },
          classified.message,
        );
        if (breaker.open) {
          return park({
            reason: service,
            retry: null,
            countsAsFailure: true,
            outage: { breakerId: breaker.breakerId, message: classified.message },
          });
        }
        if (scope.attempt + 1 < quickAttempts) throw error;
        return park({ reason: service, retry: "backoff", countsAsFailure: true });
      }
      // VIES (a member state's database) unavailable: the number cannot be confirmed, and invoicing it as
      // confirmed or without the exemption would be wrong; the job waits with the same growing delay.
      if (isServiceError(error) && error.service === "vies" && classified.kind === "transient") {
        if (scope.attempt + 1 < quickAttempts) throw error;
        return park({ reason: "vies", retry: "backoff", countsAsFailure: true });
      }
      throw error;
    }
  };
}

/** The error that retries a step after the database's delay (lib/outages/policy.ts). */
export function waitForDatabase(error: unknown, attempt: number): RetryAfterError {
  const message = error instanceof Error ? error.message : String(error);
  return new RetryAfterError(message, databaseRetryDelayMs(attempt), { cause: error });
}

/** A step body that touches only the database: its errors wait for the database like a guarded step's. */
export function databaseStep<T>(attempt: number, work: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      return await work();
    } catch (error) {
      throw isDatabaseUnavailable(error) ? waitForDatabase(error, attempt) : error;
    }
  };
}

export type StartOutcome =
  { state: "started"; subject: string } | { state: "stale" | "finished" | "missing"; status: string | null } | Parked;

/**
 * Marks the job running; anything but "started" means this run has nothing to do. A store whose service
 * is known to be down, or whose credentials must be renewed, parks the job without calling anyone.
 */
export async function startStep(scope: Omit<StepScope, "attempt">, runId: string): Promise<StartOutcome> {
  const db = pipelineServices().db;
  const started = await startJobRun(db, scope.ref, runId);
  if (started.state !== "started") return { state: started.state, status: started.status ?? null };
  const blocked = await blockingReason(db, scope);
  if (blocked) {
    return parkJob(db, scope.ref, {
      storeId: scope.storeId,
      reason: blocked.reason,
      retry: null,
      countsAsFailure: false,
      outage: { breakerId: blocked.breakerId, message: null },
    });
  }
  return { state: "started", subject: started.job.subject };
}

export function finishStep(ref: RunRef, outcome: Parameters<typeof finishJob>[2]) {
  return async () => ({ finished: await finishJob(pipelineServices().db, ref, outcome) });
}

interface FailureArgs {
  event: { data: { event?: { data?: unknown }; error?: { name?: string; message?: string } } };
  step: { run<T>(id: string, fn: () => Promise<T>): Promise<unknown> };
  attempt?: number;
}

/** onFailure for every job function: retries are exhausted or a data problem stopped the run. */
export async function onJobFailure({ event, step, attempt }: FailureArgs) {
  const parsed = jobEventDataSchema.safeParse(event.data.event?.data);
  if (!parsed.success) return { ignored: "not a job event" };
  const ref = runRef(parsed.data);
  const services = pipelineServices();
  const error = event.data.error;
  if (isDatabaseUnavailableMessage(error?.message)) {
    // The retries ran out while the database was away: the job waits for it (sent again by watch-outages
    // after its delay), never failed for it.
    const parked = await step.run(
      "park-job-for-database",
      databaseStep(attempt ?? 0, async () => {
        const job = await services.db.job.findUnique({ where: { id: ref.jobId }, select: { storeId: true } });
        if (!job) return { parked: false };
        await parkJob(services.db, ref, {
          storeId: job.storeId,
          reason: "database",
          retry: "backoff",
          countsAsFailure: true,
        });
        return { parked: true };
      }),
    );
    return parked;
  }
  const failed = await step.run("mark-job-failed", async () => {
    const job = await failJob(services.db, ref, {
      kind: "internal",
      code: "internal",
      message: [error?.name, error?.message ?? "The run failed"].filter(Boolean).join(": "),
    });
    return { failed: Boolean(job) };
  });
  if (!(failed as { failed: boolean }).failed) return { notified: false };
  return step.run("email-failure", async () => {
    const result = await notifyJobFailure(services.db, ref.jobId, { publicUrl: services.publicUrl });
    return { status: result.status, notificationId: result.notificationId };
  });
}
