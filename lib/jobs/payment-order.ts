// A store's invoices are issued in the order its orders were paid. Deliveries of one burst are stored and
// dispatched in any order, and runs start in that order; so before its POST an invoice run checks that no
// earlier-paid order of its store still has an invoice to issue, and if one has, the job waits behind it
// (parked, "behind_earlier_order"). The earlier job's end releases the first job waiting so (finishJob,
// failJob), and the watch-outages sweep releases any that nothing holds back any more.
//
// "Earlier" is a total order: the payment time (the order's date when it has none), then the Jumpseller
// number, then the job id. The earliest unfinished invoice of a store is never held back, so no two jobs wait
// for each other. What holds a job back is an invoice job of an earlier order that could still POST: one
// not yet dispatched, queued, running, or parked for an outage, a throttle, credentials or another earlier
// order. A failed or skipped job does not; nor one waiting for VIES (one order's VAT number must not hold
// back a whole store), nor one whose invoice is already saved (it only attaches it to the order). An order
// whose delivery has not arrived yet cannot be waited for. A job whose run died while running holds them back
// until the dispatch-waiting sweep sends it again, once that run has been silent past its lease
// (staleRunningAfterMs, lib/jobs/dispatch.ts: 15 min); sent again, it still comes first.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { dispatchJobs, type SendEvents } from "./dispatch";

/** The ordering key of each invoice job, as a relation aliased `me`: "id", "storeId", "paidAt", "number". */
export function invoiceJobsInPaymentOrder(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT j."id", j."storeId", COALESCE(o."paidAt", o."orderedAt") AS "paidAt", o."jumpsellerId" AS "number"
    FROM "Job" j JOIN "Order" o ON o."id" = j."orderId"
    WHERE j."kind" = 'invoice_order' AND ${where}`;
}

/**
 * The id of one job holding back `me` (see above), or nothing: one indexed look-up of the store's unfinished
 * jobs (Job_storeId_status_updatedAt_idx).
 */
export function earlierInvoiceStillToIssue(me: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT e."id" FROM "Job" e JOIN "Order" eo ON eo."id" = e."orderId"
    WHERE e."storeId" = ${me}."storeId" AND e."kind" = 'invoice_order' AND e."id" <> ${me}."id"
      AND (e."status" IN ('waiting_dispatch', 'queued', 'running')
        OR (e."status" = 'waiting' AND e."waitingFor" IS DISTINCT FROM 'vies'))
      AND (COALESCE(eo."paidAt", eo."orderedAt"), eo."jumpsellerId", e."id") < (${me}."paidAt", ${me}."number", ${me}."id")
      AND NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."invoiceForOrderId" = eo."id")
    LIMIT 1)`;
}

/** The job may not POST yet: an invoice of an earlier-paid order of its store comes first. */
export class BehindEarlierOrder extends Error {
  constructor(readonly earlierJobId: string) {
    super(`An earlier-paid order of the store (job ${earlierJobId}) is invoiced first: the job waits behind it`);
    this.name = "BehindEarlierOrder";
  }
}

// A job `r` released from waiting behind an earlier order: sent again to the dispatcher.
const stillBehind = Prisma.sql`r."status" = 'waiting' AND r."waitingFor" = 'behind_earlier_order'`;
const sendAgain = Prisma.sql`"status" = 'waiting_dispatch', "dispatchCount" = r."dispatchCount" + 1,
  "waitingFor" = NULL, "retryAt" = NULL, "updatedAt" = now()`;

/**
 * The statement part that releases the first job of a store waiting behind an earlier order, given a relation
 * `finished` with the "storeId" and "kind" of the job that just ended: used inside finishJob's statement.
 */
export function releaseFirstWaitingBehind(finished: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    next_behind AS (
      SELECT w."id" FROM "Job" w LEFT JOIN "Order" o ON o."id" = w."orderId", ${finished} f
      WHERE f."kind" = 'invoice_order' AND w."storeId" = f."storeId" AND w."status" = 'waiting'
        AND w."waitingFor" = 'behind_earlier_order'
      ORDER BY COALESCE(o."paidAt", o."orderedAt") NULLS LAST, o."jumpsellerId" NULLS LAST, w."id"
      LIMIT 1
    ), released AS (
      UPDATE "Job" AS r SET ${sendAgain}
      FROM next_behind n WHERE r."id" = n."id" AND ${stillBehind}
      RETURNING r."id"
    )`;
}

/** The first job of the store waiting behind an earlier order, sent again (an invoice job ended another way). */
export async function releaseNextBehind(db: Db, storeId: string, send?: SendEvents): Promise<string | null> {
  const [row] = await db.$queryRaw<{ id: string }[]>`
    WITH ended AS (SELECT ${storeId}::text AS "storeId", 'invoice_order'::text AS "kind"),
    ${releaseFirstWaitingBehind(Prisma.sql`ended`)}
    SELECT "id" FROM released`;
  if (!row) return null;
  await dispatchJobs(db, [row.id], send);
  return row.id;
}

/**
 * Sends again the jobs waiting behind an earlier order that nothing holds back any more (`jobIds`, or all):
 * the sweep's safety net when a release was lost, and the check a run makes right after it parked its job
 * (the earlier job may have ended between the check before the POST and the park).
 */
export async function releaseUnheldJobs(db: Db, jobIds?: string[], send?: SendEvents): Promise<string[]> {
  const only = jobIds ? Prisma.sql`j."id" = ANY(${jobIds}::text[])` : Prisma.sql`TRUE`;
  const released = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Job" AS r SET ${sendAgain}
    FROM (${invoiceJobsInPaymentOrder(Prisma.sql`j."status" = 'waiting' AND j."waitingFor" = 'behind_earlier_order' AND ${only}`)}) AS me
    WHERE r."id" = me."id" AND ${stillBehind}
      AND ${earlierInvoiceStillToIssue(Prisma.sql`me`)} IS NULL
    RETURNING r."id"`;
  if (released.length === 0) return [];
  const ids = released.map((r) => r.id);
  await dispatchJobs(db, ids, send);
  return ids;
}
