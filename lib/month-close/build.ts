// The steps of a month-close run, as plain functions the Inngest function calls inside step.run (and tests
// can call directly). Facts flow between steps as small step results; the report is built and saved last.
import type { PipelineServices } from "@/lib/pipeline/services";
import type { MonthPeriod } from "./period";
import { buildMonthReport } from "./report";
import { saveReport, type RunRef } from "./run";
import { loadKnownOrders, loadPonteDocs } from "./sources";
import type { OrderFact, VatAmount, VendusDocFact } from "./types";

export async function storeMode(services: PipelineServices, storeId: string): Promise<"normal" | "tests"> {
  const store = await services.db.store.findUniqueOrThrow({ where: { id: storeId }, select: { testMode: true } });
  // A store in test mode issues training documents: those are the ones to compare with.
  return store.testMode ? "tests" : "normal";
}

export async function finishReport(
  services: PipelineServices,
  ref: RunRef,
  input: {
    storeId: string;
    period: MonthPeriod;
    mode: "normal" | "tests";
    orders: OrderFact[];
    vendusDocs: VendusDocFact[];
    vat: [number, VatAmount[]][];
    now?: Date;
  },
) {
  const { db } = services;
  const jumpsellerIds = [...new Set(input.orders.map((o) => o.jumpsellerId))];
  const known = await loadKnownOrders(db, input.storeId, input.period, jumpsellerIds);
  const ponteDocs = await loadPonteDocs(
    db,
    input.storeId,
    input.vendusDocs.map((d) => d.vendusId),
    [...new Set([...jumpsellerIds, ...known.cancelled])],
  );
  const report = buildMonthReport({
    period: input.period,
    mode: input.mode,
    now: input.now ?? new Date(),
    orders: input.orders,
    vendusDocs: input.vendusDocs,
    ponteDocs,
    vatByVendusId: new Map(input.vat),
    cancelledOrderIds: new Set(known.cancelled),
    orderIds: known.orderIds,
  });
  return saveReport(db, ref, report);
}
