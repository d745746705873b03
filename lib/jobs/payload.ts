// A job's payload is where a run keeps what its later steps (and later attempts) need: the document it
// built, and markers such as "a POST was attempted" that make a retry look before it acts again.
import type { Db } from "@/lib/db";

/** Merges `patch` into the job's payload (a shallow JSON merge done by the database, so no lost update). */
export async function mergeJobPayload(db: Db, jobId: string, patch: Record<string, unknown>): Promise<void> {
  await db.$executeRaw`
    UPDATE "Job" SET "payload" = COALESCE("payload", '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb, "updatedAt" = now()
    WHERE "id" = ${jobId}`;
}

export async function readJobPayload<T extends object>(
  db: Db,
  jobId: string,
): Promise<{ storeId: string; subject: string; orderId: string | null; payload: Partial<T> }> {
  const job = await db.job.findUniqueOrThrow({
    where: { id: jobId },
    select: { storeId: true, subject: true, orderId: true, payload: true },
  });
  const payload =
    job.payload && typeof job.payload === "object" && !Array.isArray(job.payload) ? (job.payload as Partial<T>) : {};
  return { storeId: job.storeId, subject: job.subject, orderId: job.orderId, payload };
}
