// Failed jobs grouped by cause ("12 failed — invalid NIF 8, Vendus unavailable 3, unknown VAT rate 1"), for
// every visible store or one. One GROUP BY over the failed jobs only, which the partial index
// Job_failed_storeId_lastErrorCode_idx holds: the cost follows the failures, not the history.
import { z } from "zod";
import { storeScopeSql, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { JobKind } from "@/lib/generated/prisma/enums";
import { isJobErrorCode, jobErrorCodes, type JobErrorCode } from "@/lib/jobs/error-codes";

/** Failures stored without a known code (older rows, a service's own code): grouped together. */
export const otherCause = "other";
export type FailureCause = JobErrorCode | typeof otherCause;

export const failureCauseSchema = z.union([z.enum(jobErrorCodes), z.literal(otherCause)]);

export const failureGroupFiltersSchema = z.object({
  store: z.string().min(1).max(64).optional(),
  kind: z.enum(JobKind).optional(),
});
export type FailureGroupFilters = z.infer<typeof failureGroupFiltersSchema>;

export interface FailureGroup {
  cause: FailureCause;
  count: number;
}

export interface FailureGroups {
  total: number;
  /** Largest first; "other" last. */
  groups: FailureGroup[];
}

/** The jobs of one cause, as a Prisma filter (for "retry this group"). */
export function causeWhere(cause: FailureCause): Prisma.JobWhereInput {
  if (cause !== otherCause) return { lastErrorCode: cause };
  return { OR: [{ lastErrorCode: null }, { lastErrorCode: { notIn: [...jobErrorCodes] } }] };
}

export async function listFailureGroups(user: SessionUser, filters: FailureGroupFilters = {}): Promise<FailureGroups> {
  const rows = await db.$queryRaw<{ code: string | null; count: number }[]>`
    SELECT j."lastErrorCode" AS code, count(*)::int AS count
    FROM "Job" j
    WHERE j.status = 'failed'
      AND ${storeScopeSql(user, Prisma.sql`j."storeId"`)}
      ${filters.store ? Prisma.sql`AND j."storeId" = ${filters.store}` : Prisma.empty}
      ${filters.kind ? Prisma.sql`AND j.kind = ${filters.kind}::"JobKind"` : Prisma.empty}
    GROUP BY j."lastErrorCode"`;
  const counts = new Map<FailureCause, number>();
  for (const row of rows) {
    const cause: FailureCause = isJobErrorCode(row.code) ? row.code : otherCause;
    counts.set(cause, (counts.get(cause) ?? 0) + row.count);
  }
  const groups = [...counts]
    .map(([cause, count]) => ({ cause, count }))
    .sort((a, b) =>
      a.cause === otherCause ? 1 : b.cause === otherCause ? -1 : b.count - a.count || a.cause.localeCompare(b.cause),
    );
  return { total: groups.reduce((sum, g) => sum + g.count, 0), groups };
}
