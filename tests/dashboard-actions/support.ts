// Shared by the dashboard action tests: jobs made to order in the demo world, and the events "sent" to Inngest.
import type { JobEvent } from "@/lib/jobs/dispatch";
import type { DashboardWorld } from "../dashboard/world";

let counter = 0;

/** A failed job of the given store, with an error, as the pipeline leaves one. */
export async function createFailedJob(
  world: DashboardWorld,
  storeCode: string,
  options: { kind?: "invoice_order" | "sync_product" | "credit_note" } = {},
) {
  counter += 1;
  return world.test.db.job.create({
    data: {
      storeId: world.stores[storeCode]!,
      kind: options.kind ?? "sync_product",
      subject: `test-${Date.now().toString(36)}-${counter}`,
      status: "failed",
      attempts: 4,
      lastErrorKind: "transient",
      lastErrorCode: "HTTP_503",
      lastErrorMessage: "Vendus não respondeu (503)",
      finishedAt: new Date(),
    },
  });
}

/** Stands in for the Inngest client: records what would have been sent. */
export function createEventSink() {
  const events: JobEvent[] = [];
  return {
    events,
    send: async (batch: JobEvent[]) => {
      events.push(...batch);
      return { ids: batch.map((e) => e.id) };
    },
  };
}

/**
 * What a retry action answers when it worked: the jobs queued again (each sent to Inngest), the ones it left
 * as they were, and among those the credit-note jobs the user may not retry.
 */
export function retryAnswer({
  retried,
  skipped,
  creditNotesSkipped,
}: {
  retried: number;
  skipped: number;
  creditNotesSkipped?: number;
}) {
  return { ok: true, retried, dispatched: retried, skipped, ...(creditNotesSkipped ? { creditNotesSkipped } : {}) };
}
