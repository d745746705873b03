// What one Inngest run keeps between its steps in this process: the store's settings and clients (its
// secrets opened once per run, not once per step). Each step is a separate request that replays the
// function, so the cache outlives a request; it is keyed by the run id, expires after a few minutes, and a run
// served by another process simply loads again. A change to the store (a new key, a reconnection) reaches
// the next run; a run that meets a refused credential parks its job, and the job's next run loads afresh.
import type { PipelineServices, StoreServices } from "./services";

const entries = new Map<string, { value: Promise<StoreServices>; expiresAt: number }>();
const ttlMs = 5 * 60_000;
const maxEntries = 5_000;

function forget(now: number) {
  for (const [key, entry] of entries) if (entry.expiresAt <= now || entries.size >= maxEntries) entries.delete(key);
}

/** The pipeline's services for one run: `forStore` loads each store once for the run. */
export function servicesForRun(services: PipelineServices, runId: string): PipelineServices {
  return {
    db: services.db,
    get publicUrl() {
      return services.publicUrl;
    },
    vies: () => services.vies(),
    forStore(storeId, version) {
      const now = Date.now();
      const key = `${runId}:${storeId}`;
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now) return hit.value;
      if (entries.size >= maxEntries) forget(now);
      const value = services.forStore(storeId, version);
      entries.set(key, { value, expiresAt: now + ttlMs });
      // A failed load is not kept: the step's retry loads again.
      value.catch(() => entries.delete(key));
      return value;
    },
  };
}
