// The flow-control settings the job functions share, in one place: how often a job's step is retried, which
// runs of a store wait for each other, and the budget of calls per Vendus API key.

/** Retries per step for every job function (Inngest's backoff; a rate limit waits for its reset). */
export const jobRetries = 5;

/** A limit keyed across every function of the environment (the functions sharing a key wait for each other). */
export type SharedConcurrency = [{ scope: "env"; key: string; limit: number }];

/**
 * Documents of one store are issued one at a time, invoices and credit notes alike (one key shared across
 * functions): Vendus numbers them in sequence and refuses a date earlier than the last document's.
 */
export const storeDocumentsConcurrency: SharedConcurrency = [
  { scope: "env", key: '"documents:" + event.data.storeId', limit: 1 },
];

/**
 * Catalogue syncs of one store run one at a time, products and stock alike: two runs creating the same
 * reference, brand or category at once would create it twice in Vendus.
 */
export const storeCatalogConcurrency: SharedConcurrency = [
  { scope: "env", key: '"catalog:" + event.data.storeId', limit: 1 },
];

/**
 * Checkpointing (Inngest Cloud runs an SDK 4 app's steps in one request): a job run reports its steps to
 * Inngest together, in its answer, rather than with one call to Inngest after each step. A failing step has
 * those before it reported at once. A process lost mid-run loses the steps it had not reported, and Inngest
 * runs them again: each step of a job first checks whether its work is done (see lib/pipeline/invoice.ts), as
 * on any retry, so nothing is done twice.
 */
export const jobCheckpointing = { bufferedSteps: 10 };

/** Per Vendus API key (a non-secret digest of it): Vendus limits calls per key, not per store. */
export const vendusThrottle = { key: "event.data.vendusKey", limit: 60, period: "1m" as const };

/** One reconcile run per store at a time. */
export const perStoreConcurrency = { key: "event.data.storeId", limit: 1 };
