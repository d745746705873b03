// Every 15 minutes: one reconcile run per enabled store (fan-out), so a slow or failing store does not
// hold the others back.
import { pipelineServices } from "@/lib/pipeline/services";
import { inngest } from "@/lib/inngest/client";
import { storeReconcileRequested } from "@/lib/inngest/events";

const slotMs = 15 * 60_000;

export const reconcileStores = inngest.createFunction(
  {
    id: "reconcile-stores",
    name: "Reconcile every store",
    triggers: [{ cron: "*/15 * * * *" }],
    concurrency: 1,
    retries: 2,
  },
  async ({ step }) => {
    return step.run("fan-out", async () => {
      const stores = await pipelineServices().db.store.findMany({ where: { enabled: true }, select: { id: true } });
      if (stores.length === 0) return { stores: 0 };
      // One event id per store and 15-minute slot: a retried fan-out does not start a second round.
      const slot = Math.floor(Date.now() / slotMs);
      await inngest.send(
        stores.map((s) => storeReconcileRequested.create({ storeId: s.id }, { id: `reconcile:${s.id}:${slot}` })),
      );
      return { stores: stores.length };
    });
  },
);
