// How Ponte waits out an outage: the numbers, in one place, and the pure decisions built on them.
//
// An outage must never turn paid orders into failed jobs while the legal deadline (CIVA art. 36: five working
// days) leaves room. So a step that meets a service failure is retried quickly a couple of times (a blip),
// then the job is parked with a growing, capped delay; after a few consecutive failures of one service the
// circuit breaker opens and every job needing it waits for one probe to find it back.
import { addWorkingDays, invoiceDeadline, paidBeforeForDeadlineAtMost } from "@/lib/legal-deadline";
import { lisbonDay } from "@/lib/lisbon-time";

/** Attempts of one step made through Inngest (seconds apart, for a blip) before the job is parked. */
export const quickAttempts = 3;

/** Consecutive outage failures of one service (any jobs) that open its breaker. */
export const breakerThreshold = 3;

/** A parked job's delay: 1 min, doubling per consecutive failure, at most 30 min. */
export const firstParkDelayMs = 60_000;
export const maxParkDelayMs = 30 * 60_000;

/** Probes of an open breaker: 1 min apart at first, doubling, at most 30 min apart. */
export const firstProbeIntervalSeconds = 60;
export const maxProbeIntervalSeconds = 30 * 60;

/** How long a claimed probe may take before another sweep may probe again. */
export const probeLeaseMs = 2 * 60_000;

/**
 * A step that finds the database away is retried after 5 s, 15 s, 45 s… (at most 10 min apart): about ten
 * minutes in all before its run gives up and the job is parked to wait for the database.
 */
export function databaseRetryDelayMs(attempt: number): number {
  return Math.min(5_000 * 3 ** Math.max(0, attempt), 10 * 60_000);
}

/**
 * The longest rate-limit reset a run waits out itself (Inngest's Retry-After). A per-minute limit resets within
 * a minute; a later reset (a Jumpseller ban) parks the job until then, so that a live run never stays silent
 * past its lease (staleRunningAfterMs, lib/jobs/dispatch.ts).
 */
export const longestWaitInRunMs = 5 * 60_000;

/** Working days before the legal deadline at which an unfinished invoice is "at risk". */
export const atRiskWorkingDays = 1;

export function parkDelayMs(consecutiveFailures: number): number {
  const exponent = Math.max(0, consecutiveFailures - 1);
  return Math.min(firstParkDelayMs * 2 ** Math.min(exponent, 20), maxParkDelayMs);
}

export function nextProbeIntervalSeconds(currentSeconds: number): number {
  return Math.min(Math.max(currentSeconds, firstProbeIntervalSeconds) * 2, maxProbeIntervalSeconds);
}

/** An order paid at `paidAt` still without its invoice at `now` is at risk from the working day before its deadline. */
export function isAtRisk(paidAt: Date, now: Date): boolean {
  return invoiceDeadline(paidAt) <= addWorkingDays(lisbonDay(now), atRiskWorkingDays);
}

/** Orders paid before this instant are at risk at `now` (a plain range the database can use). */
export function atRiskPaidBefore(now: Date): Date {
  return paidBeforeForDeadlineAtMost(addWorkingDays(lisbonDay(now), atRiskWorkingDays));
}
