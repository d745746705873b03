"use server";
// Running failed (or stuck) jobs again from the dashboard. Each job is checked against the user's stores
// before it is touched: an id from another store answers not_found, exactly as if it did not exist. The
// retry itself (a new dispatch, dispatchCount + 1, with its audit event) is lib/jobs/retry.ts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeStore, can, storeScope, type SessionUser } from "@/lib/access";
import { getSessionUser } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { jobSearchSchema } from "@/lib/data/jobs";
import type { Prisma } from "@/lib/generated/prisma/client";
import { retryJob as redispatchJob, retryJobs as redispatchFailedJobs, type RetryResult } from "@/lib/jobs/retry";
import type { ActionError } from "./result";

export type RetryActionResult = { ok: true; retried: number; dispatched: number; skipped: number } | { error: ActionError | "not_retriable" } | null;

const jobIdSchema = z.string().min(1).max(64);
const jobIdsSchema = z.array(jobIdSchema).min(1).max(100);
const bulkFiltersSchema = jobSearchSchema.pick({ status: true, kind: true, store: true });

function summarize(results: RetryResult[]) {
  return {
    ok: true as const,
    retried: results.filter((r) => r.ok).length,
    dispatched: results.filter((r) => r.ok && r.dispatched).length,
    skipped: results.filter((r) => !r.ok).length,
  };
}

function revalidateJobPages(orderIds: (string | null)[]) {
  revalidatePath("/jobs");
  revalidatePath("/");
  for (const orderId of new Set(orderIds)) if (orderId) revalidatePath(`/orders/${orderId}`);
}

/** The visible jobs among the ids, each authorized on its own store; the rest are left out. */
async function retriableJobsFor(user: SessionUser, ids: string[]) {
  const jobs = await db.job.findMany({ where: { AND: [{ id: { in: ids } }, storeScope(user)] }, select: { id: true, storeId: true, orderId: true } });
  const allowed = new Map<string, boolean>();
  for (const storeId of new Set(jobs.map((job) => job.storeId))) {
    allowed.set(storeId, !("error" in (await authorizeStore(user, storeId, "jobs.retry"))));
  }
  return jobs.filter((job) => allowed.get(job.storeId));
}

export async function retryJob(jobId: string): Promise<RetryActionResult> {
  const user = await getSessionUser();
  if (!user) return { error: "unauthenticated" };
  const id = jobIdSchema.safeParse(jobId);
  if (!id.success) return { error: "not_found" };
  const job = await db.job.findFirst({ where: { AND: [{ id: id.data }, storeScope(user)] }, select: { id: true, storeId: true, orderId: true } });
  if (!job) return { error: "not_found" };
  const access = await authorizeStore(user, job.storeId, "jobs.retry");
  if ("error" in access) return { error: access.error };

  const result = await redispatchJob({ jobId: job.id, requestedBy: user.id, via: "dashboard", scope: storeScope(user) });
  if (!result.ok) return { error: result.error };
  revalidateJobPages([job.orderId]);
  return summarize([result]);
}

/** The rows ticked on the jobs page. Ids the user may not see are skipped, never retried. */
export async function retrySelectedJobs(jobIds: string[]): Promise<RetryActionResult> {
  const user = await getSessionUser();
  if (!user) return { error: "unauthenticated" };
  const ids = jobIdsSchema.safeParse(jobIds);
  if (!ids.success) return { error: "invalid" };
  const jobs = await retriableJobsFor(user, [...new Set(ids.data)]);

  const results: RetryResult[] = [];
  for (const job of jobs) {
    results.push(await redispatchJob({ jobId: job.id, requestedBy: user.id, via: "dashboard", scope: storeScope(user) }));
  }
  const summary = summarize(results);
  revalidateJobPages(jobs.map((job) => job.orderId));
  return { ...summary, skipped: summary.skipped + ids.data.length - jobs.length };
}

/** Every failed job matching the jobs page's current filters, within the user's stores. */
export async function retryAllFailedJobs(filters: Record<string, string | undefined>): Promise<RetryActionResult> {
  const user = await getSessionUser();
  if (!user) return { error: "unauthenticated" };
  const parsed = bulkFiltersSchema.safeParse(filters ?? {});
  if (!parsed.success) return { error: "invalid" };
  const search = parsed.data;
  if (search.store) {
    const access = await authorizeStore(user, search.store, "jobs.retry");
    if ("error" in access) return { error: access.error };
  } else if (!can(user, "jobs.retry")) {
    return { error: "forbidden" };
  }
  // A page filtered on another state shows no failed job: there is nothing to retry.
  if (search.status && search.status !== "failed") return { ok: true, retried: 0, dispatched: 0, skipped: 0 };

  const scope: Prisma.JobWhereInput = { AND: [storeScope(user), search.kind ? { kind: search.kind } : {}] };
  const outcome = await redispatchFailedJobs({ storeId: search.store, status: "failed", requestedBy: user.id, via: "dashboard", scope });
  const summary = summarize(outcome.results);
  // Each job's retry is audited on its own; this records that one person asked for all of them at once.
  if (outcome.results.length > 0) {
    await recordAudit(db, {
      actorId: user.id,
      storeId: search.store ?? null,
      action: "jobs.bulk_retried",
      details: { filters: { kind: search.kind ?? null, store: search.store ?? null }, retried: summary.retried, skipped: summary.skipped },
    });
  }
  revalidateJobPages([]);
  revalidatePath("/orders/[orderId]", "page");
  return summary;
}
