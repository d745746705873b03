// The webhook ingest as the app runs it: one store directory and one rejection log per process.
import { db, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createDispatchBatcher, dispatchJobs } from "@/lib/jobs/dispatch";
import type { IngestDeps } from "./ingest";
import { createRejectionLog } from "./rejections";
import { createStoreDirectory } from "./store-directory";

export {
  ingestWebhook,
  maxWebhookBodyBytes,
  type HeaderReader,
  type IngestDeps,
  type IngestResult,
  type IngestTimings,
  type WebhookRequest,
} from "./ingest";
export { webhookAnswer } from "./answer";
export { isWebhookDelivery, serveWebhook } from "./node-handler";
export { readBodyWithLimit } from "./read-body";
export { createRejectionLog } from "./rejections";
export { createStoreDirectory, type StoreDirectory } from "./store-directory";

const globalForIngest = globalThis as unknown as { ponteIngest?: IngestDeps };

/** What ingestWebhook needs over one database: its store directory and refusal log, and how jobs are sent. */
export function createIngestDeps(db: Db, rest: Pick<IngestDeps, "clientSecret" | "dispatch">): IngestDeps {
  return { db, stores: createStoreDirectory(db), rejections: createRejectionLog(db), ...rest };
}

/** What ingestWebhook needs over `db` as the app runs it: the app's client secret, jobs sent in batches. */
export function serverIngestDeps(db: Db): IngestDeps {
  return createIngestDeps(db, {
    clientSecret: getEnv().JUMPSELLER_CLIENT_SECRET ?? null,
    dispatch: createDispatchBatcher((jobIds) => dispatchJobs(db, jobIds)),
  });
}

/** What ingestWebhook needs, as this process runs it: made once, then shared by every delivery. */
export function appIngestDeps(): IngestDeps {
  globalForIngest.ponteIngest ??= serverIngestDeps(db);
  return globalForIngest.ponteIngest;
}
