// A product created or changed in Jumpseller is created or updated in Vendus (one Vendus product per
// variant). Steps in lib/pipeline/products.ts.
import { productChanged } from "@/lib/inngest/events";
import { readProduct, resolveCatalog, syncProductItem } from "@/lib/pipeline/products";
import { storeCatalogConcurrency } from "../flow-control";
import { finishRun, guardedStep, jobFunction, skipRun } from "../job-function";

export const syncProduct = jobFunction(
  {
    id: "sync-product",
    name: "Sync a product to Vendus",
    trigger: productChanged,
    concurrency: storeCatalogConcurrency,
  },
  async (run) => {
    const { ref, services } = run;
    const read = await guardedStep(run, "read-product", () => readProduct(services, ref));
    if (read.next === "skip") return skipRun(run, read);
    await guardedStep(run, "find-or-create-brand-and-category", () => resolveCatalog(services, ref));
    const synced = [];
    for (const variantId of read.variantIds) {
      synced.push(await guardedStep(run, `sync-variant-${variantId}`, () => syncProductItem(services, ref, variantId)));
    }
    await finishRun(run, { status: "succeeded" });
    return { ran: true, products: synced.map((s) => s.vendusProductId) };
  },
);
