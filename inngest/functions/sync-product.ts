// A product created or changed in Jumpseller is created or updated in Vendus (one Vendus product per
// variant). Steps in lib/pipeline/products.ts.
import { readProduct, resolveCatalog, syncProductItem } from "@/lib/pipeline/products";
import { pipelineServices } from "@/lib/pipeline/services";
import { inngest } from "../client";
import { productChanged } from "../events";
import { finishStep, guarded, jobRetries, onJobFailure, runRef, startStep } from "../job-steps";
import { vendusThrottle } from "./invoice-order";

/**
 * Catalogue syncs of one store run one at a time, products and stock alike: two runs creating the same
 * reference, brand or category at once would create it twice in Vendus.
 */
export const storeCatalogConcurrency: [{ scope: "env"; key: string; limit: number }] = [
  { scope: "env", key: '"catalog:" + event.data.storeId', limit: 1 },
];

export const syncProduct = inngest.createFunction(
  {
    id: "sync-product",
    name: "Sync a product to Vendus",
    triggers: [productChanged],
    retries: jobRetries,
    concurrency: storeCatalogConcurrency,
    throttle: vendusThrottle,
    onFailure: onJobFailure,
  },
  async ({ event, step, runId }) => {
    const ref = runRef(event.data);
    const services = pipelineServices();
    const started = await step.run("start", () => startStep(ref, runId));
    if (started.state !== "started") return { ran: false, reason: started.state };

    const read = await step.run("read-product", guarded(ref, () => readProduct(services, ref)));
    if (read.next === "skip") {
      await step.run("skip", finishStep(ref, { status: "skipped", message: read.reason }));
      return { ran: true, skipped: read.reason };
    }
    await step.run("find-or-create-brand-and-category", guarded(ref, () => resolveCatalog(services, ref)));
    const synced = [];
    for (const variantId of read.variantIds) {
      synced.push(await step.run(`sync-variant-${variantId}`, guarded(ref, () => syncProductItem(services, ref, variantId))));
    }
    await step.run("finish", finishStep(ref, { status: "succeeded" }));
    return { ran: true, products: synced.map((s) => s.vendusProductId) };
  },
);
