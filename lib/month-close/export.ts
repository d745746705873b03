// A month's export for the signed-in user: one store or every store they see, as CSV or XLSX, streamed.
// Reading is allowed to anyone who sees the store (merchants included); each export is audited per store.
import type { Readable } from "node:stream";
import { z } from "zod";
import { storesVisibleTo, type SessionUser } from "@/lib/access";
import { BesideConnectionsBusy, type Db } from "@/lib/db";
import { monthParamSchema } from "@/lib/data/month-close";
import { periodLabel } from "@/lib/saft/period";
import { csvStream, type ExportLabels, xlsxStream } from "./export-files";
import { csvRows, type ExportSource, exportRates, openExportSource, valueRows } from "./export-rows";

const querySchema = z.object({
  month: monthParamSchema,
  format: z.enum(["csv", "xlsx"]),
  store: z.string().min(1).max(64).optional(),
});

export type MonthExport =
  | { status: 200; stream: Readable; filename: string; contentType: string }
  | { status: 400 | 404; error: "invalid" | "not_found"; message: string }
  | { status: 503; error: "busy"; message: string; retryAfterSeconds: number };

const contentTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function openMonthExport(
  db: Db,
  user: SessionUser,
  query: URLSearchParams,
  labels: ExportLabels,
): Promise<MonthExport> {
  const parsed = querySchema.safeParse({
    month: query.get("month"),
    format: query.get("format"),
    store: query.get("store") ?? undefined,
  });
  if (!parsed.success) {
    return { status: 400, error: "invalid", message: "Give month=YYYY-MM (not in the future) and format=csv|xlsx." };
  }
  const { month: period, format, store } = parsed.data;
  const stores = await db.store.findMany({
    where: { AND: [storesVisibleTo(user), store ? { id: store } : {}] },
    select: { id: true, code: true },
    orderBy: { name: "asc" },
  });
  if (store && stores.length === 0) return { status: 404, error: "not_found", message: "There is no such store." };
  const ids = stores.map((s) => s.id);
  const rates = await exportRates(db, ids, period);
  const label = periodLabel(period);
  let source: ExportSource;
  try {
    source = await openExportSource(db, ids, period, rates);
  } catch (error) {
    if (!(error instanceof BesideConnectionsBusy)) throw error;
    return {
      status: 503,
      error: "busy",
      message: "Other exports are being written right now: try again in a moment.",
      retryAfterSeconds: 10,
    };
  }
  try {
    await db.auditEvent.createMany({
      data: stores.map((s) => ({
        actorId: user.id,
        storeId: s.id,
        action: "month_close.exported",
        targetType: "month",
        targetId: label,
        details: { format, scope: store ? "store" : "all", stores: stores.length },
      })),
    });
  } catch (error) {
    await source.connection.end();
    throw error;
  }
  const scope = store ? stores[0]!.code.replace(/[^\w-]+/g, "_") : "todas-as-lojas";
  return {
    status: 200,
    stream:
      format === "csv"
        ? csvStream(csvRows(source), rates, labels)
        : xlsxStream(valueRows(source), rates, labels, label),
    filename: `ponte_${scope}_${label}.${format}`,
    contentType: contentTypes[format],
  };
}
