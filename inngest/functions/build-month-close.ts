// Builds one store's month-close report in the background: Jumpseller's orders page by page, Vendus's
// document list, the VAT per rate of documents Ponte has no figures for (a few per step), then the report.
// Progress is written after each step so the page can show it. Steps in lib/month-close.
import { NonRetriableError, RetryAfterError } from "inngest";
import { inngest } from "@/lib/inngest/client";
import { monthCloseRequested } from "@/lib/inngest/events";
import { finishReport, storeMode } from "@/lib/month-close/build";
import { failRun, setProgress, startRun, type RunRef } from "@/lib/month-close/run";
import {
  detailsPerStep,
  idsNeedingDetail,
  loadPonteDocs,
  readOrdersPage,
  readVatDetails,
  readVendusDocuments,
} from "@/lib/month-close/sources";
import type { OrderFact, VatAmount } from "@/lib/month-close/types";
import { classifyError } from "@/lib/pipeline/errors";
import { pipelineServices } from "@/lib/pipeline/services";
import { vendusThrottle } from "../flow-control";

/** Jumpseller pages read per run (100 orders each). */
const maxOrderPages = 200;

/** A rate limit waits for the service's reset; a refusal (bad key, missing store) stops the run. */
function guarded<T>(work: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      return await work();
    } catch (error) {
      const classified = classifyError(error);
      if (classified.retry.mode === "never") throw new NonRetriableError(classified.message, { cause: error });
      if (classified.retry.mode === "at") throw new RetryAfterError(classified.message, classified.retry.at);
      throw error;
    }
  };
}

export const buildMonthClose = inngest.createFunction(
  {
    id: "build-month-close",
    name: "Build a store's month-close report",
    triggers: [monthCloseRequested],
    concurrency: { key: "event.data.storeId", limit: 1 },
    // The same budget per Vendus key as the invoicing jobs.
    throttle: vendusThrottle,
    retries: 5,
    onFailure: async ({ event, step }) => {
      const original = event.data.event.data as { closeId?: string; requestedAt?: string };
      if (!original.closeId || !original.requestedAt) return { ignored: true };
      const ref = { closeId: original.closeId, requestedAt: original.requestedAt };
      return step.run("mark-failed", async () => ({
        failed: await failRun(
          pipelineServices().db,
          ref,
          event.data.error?.message ?? "The report could not be built.",
        ),
      }));
    },
  },
  async ({ event, step }) => {
    const { storeId, year, month } = event.data;
    const ref: RunRef = { closeId: event.data.closeId, requestedAt: event.data.requestedAt };
    const period = { year, month };
    const services = pipelineServices();
    const started = await step.run("start", async () => ({
      started: await startRun(services.db, ref),
      mode: await storeMode(services, storeId),
    }));
    if (!started.started) return { skipped: "superseded" };
    const mode = started.mode;

    const orders: OrderFact[] = [];
    for (let page = 1; page <= maxOrderPages; page++) {
      const read = await step.run(
        `jumpseller-orders-${page}`,
        guarded(async () => {
          const result = await readOrdersPage(services, storeId, period, page);
          // Pages are unknown in advance: progress creeps towards 45 %.
          await setProgress(services.db, ref, 45 - 40 / (page + 1), "jumpseller");
          return result;
        }),
      );
      orders.push(...read.orders);
      if (!read.more) break;
    }

    const vendusDocs = await step.run(
      "vendus-documents",
      guarded(async () => {
        const docs = await readVendusDocuments(services, storeId, period, mode);
        await setProgress(services.db, ref, 55, "vendus");
        return docs;
      }),
    );

    const needed = await step.run("plan-details", async () => {
      const ponte = await loadPonteDocs(
        services.db,
        storeId,
        vendusDocs.map((d) => d.vendusId),
        [],
      );
      return idsNeedingDetail(vendusDocs, ponte);
    });

    const vat: [number, VatAmount[]][] = [];
    for (let i = 0; i < needed.length; i += detailsPerStep) {
      const chunk = needed.slice(i, i + detailsPerStep);
      const read = await step.run(
        `vendus-details-${i / detailsPerStep + 1}`,
        guarded(async () => {
          const result = await readVatDetails(services, storeId, chunk, mode);
          await setProgress(services.db, ref, 60 + (35 * (i + chunk.length)) / needed.length, "details");
          return result;
        }),
      );
      vat.push(...read);
    }

    const saved = await step.run("report", () =>
      finishReport(services, ref, { storeId, period, mode, orders, vendusDocs, vat }),
    );
    return { outcome: saved.outcome, saved: saved.saved, orders: orders.length, documents: vendusDocs.length };
  },
);
