// A job's payload is where a run keeps what its later steps (and later attempts) need: the document it
// built, and markers such as "a POST was attempted" that make a retry look before it acts again.
import { queryRows, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Merges `patch` into the job's payload (a shallow JSON merge done by the database, so no lost update). */
export async function mergeJobPayload(db: Db, jobId: string, patch: Record<string, unknown>): Promise<void> {
  await queryRows(
    db,
    Prisma.sql`
    UPDATE "Job" SET "payload" = COALESCE("payload", '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb, "updatedAt" = now()
    WHERE "id" = ${jobId}`,
  );
}

/**
 * The row version of a store's settings and credentials (PostgreSQL's xmin of both rows: any committed update
 * changes it), read with the job so that a step can reuse the store's services loaded for an earlier run
 * (PipelineServices.forStore).
 */
export function storeVersionOf(storeId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT s.xmin::text || '/' || COALESCE(c.xmin::text, '-')
    FROM "Store" s LEFT JOIN "StoreCredential" c ON c."storeId" = s."id" WHERE s."id" = ${storeId})`;
}

export async function readJobPayload<T extends object>(
  db: Db,
  jobId: string,
): Promise<{
  storeId: string;
  subject: string;
  orderId: string | null;
  payload: Partial<T>;
  storeVersion: string | null;
}> {
  const [job] = await queryRows<{
    storeId: string;
    subject: string;
    orderId: string | null;
    payload: unknown;
    storeVersion: string | null;
  }>(
    db,
    Prisma.sql`SELECT j."storeId", j."subject", j."orderId", j."payload", ${storeVersionOf(Prisma.sql`j."storeId"`)} AS "storeVersion"
    FROM "Job" j WHERE j."id" = ${jobId}`,
  );
  if (!job) throw new Error(`Job ${jobId} no longer exists`);
  const payload =
    job.payload && typeof job.payload === "object" && !Array.isArray(job.payload) ? (job.payload as Partial<T>) : {};
  return { storeId: job.storeId, subject: job.subject, orderId: job.orderId, payload, storeVersion: job.storeVersion };
}
