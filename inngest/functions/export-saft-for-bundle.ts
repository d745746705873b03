// One store's SAF-T for a bundle of every store's (lib/saft/bundle.ts), within the store's Vendus key budget.
// A Vendus outage is retried (a rate limit waits for its reset); when the retries run out, the store is listed
// in the ZIP's summary as not exported. The run that brings the last store's file assembles the ZIP.
import { RetryAfterError } from "inngest";
import { inngest } from "@/lib/inngest/client";
import { saftBundleStoreRequested } from "@/lib/inngest/events";
import { classifyError } from "@/lib/pipeline/errors";
import { pipelineServices } from "@/lib/pipeline/services";
import { assembleBundleIfComplete, exportBundleFile, saveFile } from "@/lib/saft/bundle";
import { jobRetries, vendusThrottle } from "../flow-control";

export const exportSaftForBundle = inngest.createFunction(
  {
    id: "export-saft-for-bundle",
    name: "Export a store's SAF-T for a month's ZIP",
    triggers: [saftBundleStoreRequested],
    // The same budget per Vendus key as the invoicing jobs.
    throttle: vendusThrottle,
    retries: jobRetries,
    onFailure: async ({ event, error, step }) => {
      const original = event.data.event.data as { bundleId?: string; storeId?: string };
      if (!original.bundleId || !original.storeId) return { ignored: true };
      const { bundleId, storeId } = original;
      const db = pipelineServices().db;
      await step.run("record-failure", () =>
        saveFile(db, bundleId, storeId, { error: "vendus_unavailable", detail: error.message.slice(0, 1000) }),
      );
      return step.run("assemble", async () => ({ assembled: await assembleBundleIfComplete(db, bundleId) }));
    },
  },
  async ({ event, step }) => {
    const { bundleId, storeId } = event.data;
    const db = pipelineServices().db;
    const outcome = await step.run("export", async () => {
      try {
        return await exportBundleFile(db, bundleId, storeId);
      } catch (error) {
        const classified = classifyError(error);
        if (classified.retry.mode === "at") throw new RetryAfterError(classified.message, classified.retry.at);
        throw error;
      }
    });
    const assembled = await step.run("assemble", () => assembleBundleIfComplete(db, bundleId));
    return { outcome, assembled };
  },
);
