// The webhook ingest as the app runs it: one store directory and one rejection log per process.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createDispatchBatcher, dispatchJobs } from "@/lib/jobs/dispatch";
import type { IngestDeps } from "./ingest";
import { createRejectionLog } from "./rejections";
import { createStoreDirectory, type StoreDirectory } from "./store-directory";

export { ingestWebhook, maxWebhookBodyBytes, type IngestDeps, type IngestResult, type WebhookRequest } from "./ingest";
export { readBodyWithLimit } from "./read-body";
export { createRejectionLog } from "./rejections";
export { createStoreDirectory, type StoreDirectory } from "./store-directory";

const globalForIngest = globalThis as unknown as { ponteIngest?: IngestDeps & { stores: StoreDirectory } };

/** What ingestWebhook needs, as this process runs it: made once, then shared by every delivery. */
export function appIngestDeps(): IngestDeps {
  globalForIngest.ponteIngest ??= {
    db,
    stores: createStoreDirectory(db),
    rejections: createRejectionLog(db),
    clientSecret: getEnv().JUMPSELLER_CLIENT_SECRET ?? null,
    dispatch: createDispatchBatcher((jobIds) => dispatchJobs(db, jobIds)),
  };
  return globalForIngest.ponteIngest;
}
