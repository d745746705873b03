"use server";
// Running failed (or stuck) jobs again from the dashboard. Each job is looked up within the user's stores
// before it is touched: an id from another store answers not_found, exactly as if it did not exist. Retrying a
// credit-note job issues the credit note, so it takes the credit-note permission as well: a merchant's retry
// of one is forbidden, and bulk retries leave them out and say how many. The retry itself (a new dispatch,
// dispatchCount + 1, with its audit event) is lib/jobs/retry.ts.
import { z } from "zod";
import { can, storeScope, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { causeWhere, failureCauseSchema, failureGroupFiltersSchema } from "@/lib/data/failure-groups";
import { jobSearchSchema } from "@/lib/data/jobs";
import type { Prisma } from "@/lib/generated/prisma/client";
import { retryJob as redispatchJob, retryJobs as redispatchFailedJobs, type RetryResult } from "@/lib/jobs/retry";
import { defineAction } from "./action";
import type { ActionError } from "./result";

export type RetryActionResult =
  | {
      ok: true;
      retried: number;
      dispatched: number;
      skipped: number;
      /** Credit-note jobs left out (part of `skipped`) because the user may not issue credit notes. */
      creditNotesSkipped?: number;
    }
  | { error: ActionError | "not_retriable" }
  | null;

const jobIdSchema = z.string().min(1).max(64);
const jobIdsSchema = z.array(jobIdSchema).min(1).max(100);
const bulkFiltersSchema = jobSearchSchema.pick({ status: true, kind: true, store: true, cause: true });
const invalid = () => ({ error: "invalid" as const });

function summarize(results: RetryResult[]) {
  return {
    ok: true as const,
    retried: results.filter((r) => r.ok).length,
    dispatched: results.filter((r) => r.ok && r.dispatched).length,
    skipped: results.filter((r) => !r.ok).length,
  };
}

/** The jobs this user may run again: credit-note jobs only with the credit-note permission. */
function retriableBy(user: SessionUser): Prisma.JobWhereInput {
  return { AND: [storeScope(user), can(user, "credit-notes.issue") ? {} : { kind: { not: "credit_note" } }] };
}

function withCreditNotesSkipped<T extends { skipped: number }>(summary: T, creditNotes: number) {
  return creditNotes > 0
    ? { ...summary, skipped: summary.skipped + creditNotes, creditNotesSkipped: creditNotes }
    : summary;
}

const jobPages = (orderIds: (string | null)[]) => [
  "/jobs",
  "/",
  ...new Set(orderIds.filter((id) => id !== null).map((id) => `/orders/${id}`)),
];

export const retryJob = defineAction({
  permission: "jobs.retry",
  read: (jobId: string) => ({ jobId }),
  store: {
    via: "job",
    find: async ({ jobId }, user) => {
      const id = jobIdSchema.safeParse(jobId);
      if (!id.success) return null;
      return db.job.findFirst({
        where: { AND: [{ id: id.data }, storeScope(user)] },
        select: { id: true, storeId: true, orderId: true, kind: true },
      });
    },
  },
  run: async ({ user, found: job }): Promise<RetryActionResult> => {
    if (job.kind === "credit_note" && !can(user, "credit-notes.issue")) return { error: "forbidden" };
    const result = await redispatchJob({
      jobId: job.id,
      requestedBy: user.id,
      via: "dashboard",
      scope: retriableBy(user),
    });
    return result.ok ? summarize([result]) : { error: result.error };
  },
  revalidate: ({ found: job }) => jobPages([job.orderId]),
});

/** The rows ticked on the jobs page. Ids the user may not see are skipped, never retried. */
export const retrySelectedJobs = defineAction({
  permission: "jobs.retry",
  read: (jobIds: string[]) => jobIds,
  store: { via: "visible-stores" },
  input: jobIdsSchema,
  invalid,
  run: async ({ user, input }): Promise<RetryActionResult> => {
    const ids = [...new Set(input)];
    const visible = await db.job.findMany({
      where: { AND: [{ id: { in: ids } }, storeScope(user)] },
      select: { id: true, orderId: true, kind: true },
    });
    const mayCredit = can(user, "credit-notes.issue");
    const jobs = visible.filter((job) => mayCredit || job.kind !== "credit_note");
    const results: RetryResult[] = [];
    for (const job of jobs) {
      results.push(
        await redispatchJob({ jobId: job.id, requestedBy: user.id, via: "dashboard", scope: retriableBy(user) }),
      );
    }
    const summary = summarize(results);
    const creditNotes = visible.length - jobs.length;
    return withCreditNotesSkipped(
      { ...summary, skipped: summary.skipped + input.length - visible.length },
      creditNotes,
    );
  },
  revalidate: () => [...jobPages([]), ["/orders/[orderId]", "page"]],
});

/** Every failed job matching the jobs page's current filters, within the user's stores. */
export const retryAllFailedJobs = defineAction({
  permission: "jobs.retry",
  read: (filters: Record<string, string | undefined>) => filters ?? {},
  store: {
    via: "store",
    find: async (filters) => {
      const parsed = bulkFiltersSchema.safeParse(filters);
      return { storeId: parsed.success ? (parsed.data.store ?? null) : null };
    },
  },
  input: bulkFiltersSchema,
  invalid,
  run: async ({ user, input: search, audit }): Promise<RetryActionResult> => {
    // A page filtered on another state shows no failed job: there is nothing to retry.
    if (search.status && search.status !== "failed") return { ok: true, retried: 0, dispatched: 0, skipped: 0 };
    const { summary, attempted } = await retryFailedWhere(user, search.store, [
      search.kind ? { kind: search.kind } : {},
      search.cause ? causeWhere(search.cause) : {},
    ]);
    // Each job's retry is audited on its own; this records that one person asked for all of them at once.
    if (attempted) {
      await audit({
        action: "jobs.bulk_retried",
        details: {
          filters: { kind: search.kind ?? null, store: search.store ?? null, cause: search.cause ?? null },
          retried: summary.retried,
          skipped: summary.skipped,
        },
      });
    }
    return summary;
  },
  revalidate: () => [...jobPages([]), ["/orders/[orderId]", "page"]],
});

/**
 * Retries the failed jobs matching `where` in the user's stores (or the one store given): what the bulk and
 * the group retries share. Credit-note jobs a merchant may not retry are counted as skipped.
 */
async function retryFailedWhere(user: SessionUser, store: string | undefined, where: Prisma.JobWhereInput[]) {
  const filters: Prisma.JobWhereInput = { AND: [storeScope(user), store ? { storeId: store } : {}, ...where] };
  const outcome = await redispatchFailedJobs({
    storeId: store,
    status: "failed",
    requestedBy: user.id,
    via: "dashboard",
    scope: { AND: [filters, retriableBy(user)] },
  });
  const creditNotes = can(user, "credit-notes.issue")
    ? 0
    : await db.job.count({ where: { AND: [filters, { status: "failed", kind: "credit_note" }] } });
  return {
    summary: withCreditNotesSkipped(summarize(outcome.results), creditNotes),
    attempted: outcome.results.length > 0,
  };
}

const failureGroupSchema = failureGroupFiltersSchema.extend({ cause: failureCauseSchema });

/**
 * "Retry this group": every failed job of one cause (an invalid NIF, Vendus unavailable…), in every visible
 * store or the one given, with the jobs page's kind filter. A merchant's retry leaves credit-note jobs alone.
 */
export const retryFailureGroup = defineAction({
  permission: "jobs.retry",
  read: (group: { cause?: string; store?: string; kind?: string }) => group ?? {},
  store: {
    via: "store",
    find: async (group) => {
      const parsed = failureGroupFiltersSchema.safeParse(group);
      return { storeId: parsed.success ? (parsed.data.store ?? null) : null };
    },
  },
  input: failureGroupSchema,
  invalid,
  run: async ({ user, input, audit }): Promise<RetryActionResult> => {
    const { summary, attempted } = await retryFailedWhere(user, input.store, [
      causeWhere(input.cause),
      input.kind ? { kind: input.kind } : {},
    ]);
    if (attempted) {
      await audit({
        action: "jobs.group_retried",
        details: {
          cause: input.cause,
          filters: { kind: input.kind ?? null, store: input.store ?? null },
          retried: summary.retried,
          skipped: summary.skipped,
        },
      });
    }
    return summary;
  },
  revalidate: () => [...jobPages([]), "/orders", ["/orders/[orderId]", "page"], ["/stores/[storeId]", "page"]],
});
