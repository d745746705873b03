// One store's reconcile run: paid orders without a job get one (lost webhooks are caught), then those jobs
// are dispatched. Steps in lib/pipeline/reconcile.ts.
import { dispatchJobs } from "@/lib/jobs/dispatch";
import { reconcileStore as reconcile } from "@/lib/pipeline/reconcile";
import { pipelineServices } from "@/lib/pipeline/services";
import { inngest } from "@/lib/inngest/client";
import { storeReconcileRequested } from "@/lib/inngest/events";
import { perStoreConcurrency } from "../flow-control";

export const reconcileStore = inngest.createFunction(
  {
    id: "reconcile-store",
    name: "Reconcile a store's paid orders",
    triggers: [storeReconcileRequested],
    concurrency: perStoreConcurrency,
    retries: 3,
  },
  async ({ event, step }) => {
    const found = await step.run("find-paid-orders-without-job", async () => {
      const result = await reconcile(pipelineServices(), event.data.storeId);
      return { scanned: result.scanned, cursor: result.cursor, jobIds: result.jobIds };
    });
    if (found.jobIds.length === 0) return { ...found, dispatched: 0 };
    const sent = await step.run("dispatch-new-jobs", async () => {
      const result = await dispatchJobs(pipelineServices().db, found.jobIds);
      return { sent: result.sent.length };
    });
    return { ...found, dispatched: sent.sent };
  },
);
