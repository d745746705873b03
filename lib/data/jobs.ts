// Jobs as the signed-in user may see them, newest activity first.
import { z } from "zod";
import { can, storeScope, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { JobKind, JobStatus } from "@/lib/generated/prisma/enums";
import { causeWhere, failureCauseSchema } from "./failure-groups";
import { stuckAfterMs } from "@/lib/jobs/retry";
import { finishKeyset, keysetQuery, pageParamsSchema, planKeyset, type KeysetPage } from "@/lib/keyset";

export const jobStatuses = Object.values(JobStatus);
export const jobKinds = Object.values(JobKind);

export const jobSearchSchema = z.object({
  status: z.enum(JobStatus).optional().catch(undefined),
  kind: z.enum(JobKind).optional().catch(undefined),
  store: z.string().max(40).optional().catch(undefined),
  /** One cause of failure (lib/jobs/error-codes.ts, or "other"), from the grouped failures. */
  cause: failureCauseSchema.optional().catch(undefined),
  ...pageParamsSchema.shape,
});
export type JobSearch = z.infer<typeof jobSearchSchema>;

/** What a job's row shows wherever jobs are listed (here and on the order's page), with its last error. */
export const jobSummarySelect = {
  id: true,
  kind: true,
  subject: true,
  status: true,
  attempts: true,
  lastErrorKind: true,
  lastErrorCode: true,
  lastErrorParams: true,
  lastErrorMessage: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.JobSelect;

const jobRowSelect = {
  ...jobSummarySelect,
  waitingFor: true,
  retryAt: true,
  atRiskAt: true,
  orderId: true,
  order: { select: { jumpsellerId: true } },
  store: { select: { id: true, name: true } },
} satisfies Prisma.JobSelect;

export type JobRow = Prisma.JobGetPayload<{ select: typeof jobRowSelect }> & JobRetryState;

export interface JobRetryState {
  /** In flight (queued or running) for longer than a run may take: lost, and may be retried. */
  stuck: boolean;
  /**
   * Failed, waiting to be sent, or stuck: what lib/jobs/retry.ts accepts; and, for a credit-note job, the user
   * may issue credit notes (retrying one issues it).
   */
  retriable: boolean;
}

export function jobRetryState(
  job: { status: JobStatus; updatedAt: Date; kind: JobKind },
  user: SessionUser,
  now = Date.now(),
): JobRetryState {
  const stuck = (job.status === "queued" || job.status === "running") && job.updatedAt.getTime() < now - stuckAfterMs;
  const allowed = job.kind !== "credit_note" || can(user, "credit-notes.issue");
  return {
    stuck,
    retriable:
      allowed && (stuck || job.status === "failed" || job.status === "waiting_dispatch" || job.status === "waiting"),
  };
}

export async function listJobs(user: SessionUser, search: JobSearch): Promise<KeysetPage<JobRow>> {
  const plan = planKeyset("updatedAt", true, search);
  const filters: Prisma.JobWhereInput[] = [storeScope(user)];
  if (search.status) filters.push({ status: search.status });
  if (search.kind) filters.push({ kind: search.kind });
  if (search.store) filters.push({ storeId: search.store });
  if (search.cause) filters.push(causeWhere(search.cause));
  const rows = await db.job.findMany({
    ...keysetQuery<Prisma.JobWhereInput, Prisma.JobOrderByWithRelationInput>(plan, filters),
    select: jobRowSelect,
  });
  const now = Date.now();
  return finishKeyset(
    plan,
    rows.map((row) => ({ ...row, ...jobRetryState(row, user, now) })),
    (row) => row.updatedAt,
  );
}

const inFlight: JobStatus[] = ["waiting_dispatch", "queued", "running"];

/** Sent, queued or running now (not stuck): what a list shows changing while it is open. */
export function isInFlight(job: { status: JobStatus; stuck: boolean }): boolean {
  return inFlight.includes(job.status) && !job.stuck;
}

/**
 * Whether any visible job (of one store, when given) is on its way now: an invoice or credit note that an open
 * orders list will show changing. Reads the few recently updated in-flight rows of the (status, updatedAt) index.
 */
export async function hasJobsInFlight(user: SessionUser, store?: string): Promise<boolean> {
  const job = await db.job.findFirst({
    where: {
      AND: [
        storeScope(user),
        { status: { in: inFlight }, updatedAt: { gte: new Date(Date.now() - stuckAfterMs) } },
        store ? { storeId: store } : {},
      ],
    },
    select: { id: true },
  });
  return job !== null;
}
