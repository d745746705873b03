import { monthParamSchema } from "../../lib/data/month-close";
import { formatEuros } from "../../lib/money";
import { queueMonthCloses } from "../../lib/month-close/request";
import type { MonthReport } from "../../lib/month-close/types";
import { previousPeriod, periodLabel } from "../../lib/saft/period";
import { parseFlags, storeWithCode, table } from "./args";
import { type CliCommand, UsageError } from "./types";

const eur = (cents: number) => formatEuros(cents, "pt-PT");

function printDifferences(report: MonthReport, store: string, out: (line: string) => void) {
  const d = report.differences;
  for (const i of d.withoutInvoice.items)
    out(
      `${store}  without invoice      #${i.jumpsellerId}  ${eur(i.paidCents)}  deadline ${i.deadline} (${i.deadlineState})`,
    );
  for (const i of d.grossMismatch.items)
    out(
      `${store}  total differs        #${i.jumpsellerId}  ${i.number}  paid ${eur(i.paidCents)}  invoiced ${eur(i.grossCents)}`,
    );
  for (const i of d.cancelledNotCredited.items)
    out(
      `${store}  cancelled, no credit #${i.jumpsellerId}  ${i.number}  ${eur(i.grossCents)}  (document ${i.documentId})`,
    );
  for (const i of d.outsidePonte.items)
    out(`${store}  outside Ponte        ${i.number}  ${i.date}  ${i.grossCents === null ? "" : eur(i.grossCents)}`);
  for (const i of d.invoicedNextMonth.items)
    out(`${store}  invoiced next month  #${i.jumpsellerId}  ${i.number}  issued ${i.issuedAt.slice(0, 10)}`);
}

export const monthClose: CliCommand = {
  name: "month:close",
  config: ["database", "inngest"],
  summary: "Show the month close of every store (or one), or rebuild it in the background with --refresh",
  usage: "month:close [--month YYYY-MM] [--store <code>] [--refresh] [--details] [--json]",
  async run({ db, args, out }) {
    const { values } = parseFlags(args, {
      month: { type: "string" },
      store: { type: "string" },
      refresh: { type: "boolean" },
      details: { type: "boolean" },
      json: { type: "boolean" },
    });
    const parsed = values.month === undefined ? null : monthParamSchema.safeParse(values.month);
    if (parsed && !parsed.success) throw new UsageError("--month must be YYYY-MM and not in the future");
    const period = parsed?.data ?? previousPeriod();
    const where = values.store ? { code: values.store } : {};
    if (values.store) await storeWithCode(db, values.store);

    if (values.refresh) {
      const result = await queueMonthCloses(db, where, period);
      out(
        `${periodLabel(period)}: ${result.requested.length} report(s) requested, ${result.running.length} already ` +
          `running, ${result.notConnected.length} store(s) without a Vendus key.`,
      );
      return;
    }
    const stores = await db.store.findMany({
      where,
      orderBy: { name: "asc" },
      select: { code: true, monthCloses: { where: { year: period.year, month: period.month } } },
    });
    const rows = stores.map((s) => ({ code: s.code, close: s.monthCloses[0] ?? null }));
    if (values.json) {
      out(
        JSON.stringify(
          rows.map(({ code, close }) => ({
            store: code,
            month: periodLabel(period),
            status: close?.outcome ?? "not_checked",
            run: close?.run ?? null,
            progress: close?.progress ?? 0,
            checkedAt: close?.checkedAt?.toISOString() ?? null,
            report: close?.report ?? null,
          })),
          null,
          2,
        ),
      );
      return;
    }
    table(
      rows.map(({ code, close }) => {
        const report = close?.report as MonthReport | null | undefined;
        const d = report?.differences;
        return {
          store: code,
          status: close?.outcome ?? "not_checked",
          run: close ? `${close.run}${close.run === "running" ? ` ${close.progress}%` : ""}` : "",
          checked: close?.checkedAt?.toISOString().slice(0, 16).replace("T", " ") ?? "",
          paid: report ? `${report.jumpseller.paidCount} ${eur(report.jumpseller.paidCents)}` : "",
          invoices: report ? `${report.vendus.invoices.count} ${eur(report.vendus.invoices.grossCents)}` : "",
          credit_notes: report ? `${report.vendus.creditNotes.count} ${eur(report.vendus.creditNotes.grossCents)}` : "",
          without_invoice: d?.withoutInvoice.count ?? "",
          total_differs: d?.grossMismatch.count ?? "",
          not_credited: d?.cancelledNotCredited.count ?? "",
          outside_ponte: d?.outsidePonte.count ?? "",
          next_month: d?.invoicedNextMonth.count ?? "",
        };
      }),
      out,
    );
    if (values.details) {
      for (const { code, close } of rows)
        if (close?.report) printDifferences(close.report as unknown as MonthReport, code, out);
    }
  },
};
