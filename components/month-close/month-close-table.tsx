// One row per visible store: its status for the month, Jumpseller's paid orders next to Vendus's documents,
// how many differences were found, and the lists themselves under the row.
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { MonthCloseRow } from "@/lib/data/month-close";
import { formatDateTime, formatEuros } from "@/lib/format";
import { attentionLists, type DocumentTotals } from "@/lib/month-close/types";
import { Differences } from "./differences";
import { ExportLinks } from "./export-links";
import { RefreshButton } from "./refresh-button";
import { StoreNameAndCode } from "@/components/stores/store-name-link";

function StatusBadge({ row }: { row: MonthCloseRow }) {
  const t = useTranslations("monthClose");
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="month-status">
      {row.status === "ready" ? (
        <Badge tone="green">{t("status.ready")}</Badge>
      ) : row.status === "needs_attention" ? (
        <Badge tone="red">{t("status.needs_attention")}</Badge>
      ) : (
        <Badge>{t("status.not_checked")}</Badge>
      )}
      {row.run === "queued" || row.run === "running" ? (
        <Badge tone="blue">
          <span role="progressbar" aria-valuenow={row.progress} aria-valuemin={0} aria-valuemax={100}>
            {t("progress", { progress: row.progress })}
          </span>
        </Badge>
      ) : null}
      {row.run === "failed" ? <Badge tone="amber">{t("failed")}</Badge> : null}
    </span>
  );
}

function Totals({ totals, locale }: { totals: DocumentTotals; locale: string }) {
  const t = useTranslations("monthClose");
  return (
    <div className="tabular-nums">
      <div>
        <span className="font-medium text-zinc-900">{totals.count}</span>
        <span className="ml-1.5 text-zinc-900">{formatEuros(totals.grossCents, locale)}</span>
      </div>
      <div className="text-xs text-zinc-500">{t("net", { amount: formatEuros(totals.netCents, locale) })}</div>
      {totals.vat.map((v) => (
        <div key={`${v.rate}-${v.country ?? ""}`} className="text-xs text-zinc-500">
          {t("vatAt", { rate: v.rate, country: v.country ?? "" })}: {formatEuros(v.vatCents, locale)}
        </div>
      ))}
    </div>
  );
}

export function MonthCloseTable({
  rows,
  month,
  canRefresh,
  canCredit,
}: {
  rows: MonthCloseRow[];
  month: string;
  canRefresh: boolean;
  canCredit: boolean;
}) {
  const t = useTranslations("monthClose");
  const locale = useLocale();
  return (
    <Card>
      <Table>
        <THead>
          <tr>
            <Th>{t("store")}</Th>
            <Th>{t("statusTitle")}</Th>
            <Th className="text-right">{t("jumpsellerPaid")}</Th>
            <Th className="text-right">{t("vendusInvoices")}</Th>
            <Th className="text-right">{t("vendusCreditNotes")}</Th>
            <Th className="text-right">{t("differences")}</Th>
            <Th>{t("checkedAt")}</Th>
            <Th>{t("exports")}</Th>
            {canRefresh ? <Th /> : null}
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => {
            const report = row.report;
            const attention = report ? attentionLists.reduce((n, name) => n + report.differences[name].count, 0) : 0;
            const hasLists = report && (attention > 0 || report.differences.invoicedNextMonth.count > 0);
            return [
              <Tr key={row.store.id}>
                <Td>
                  <StoreNameAndCode store={row.store} testId="month-store" />
                  {report?.mode === "tests" ? <Badge tone="amber">{t("testMode")}</Badge> : null}
                </Td>
                <Td>
                  <StatusBadge row={row} />
                  {row.run === "failed" && row.error ? (
                    <p className="mt-1 max-w-64 text-xs text-red-700">{row.error}</p>
                  ) : null}
                  {!row.store.connected ? <p className="mt-1 text-xs text-zinc-500">{t("notConnected")}</p> : null}
                </Td>
                <Td className="text-right tabular-nums">
                  {report ? (
                    <>
                      <span className="font-medium text-zinc-900">{report.jumpseller.paidCount}</span>
                      <span className="ml-1.5">{formatEuros(report.jumpseller.paidCents, locale)}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td className="text-right">
                  {report ? <Totals totals={report.vendus.invoices} locale={locale} /> : "—"}
                </Td>
                <Td className="text-right">
                  {report ? <Totals totals={report.vendus.creditNotes} locale={locale} /> : "—"}
                </Td>
                <Td className="text-right tabular-nums" data-testid="month-differences">
                  {report ? attention : "—"}
                </Td>
                <Td className="whitespace-nowrap text-xs text-zinc-600">
                  {row.checkedAt ? formatDateTime(row.checkedAt, locale) : t("never")}
                </Td>
                <Td className="text-xs">
                  <ExportLinks month={month} store={row.store} />
                  {row.saftExportedAt ? (
                    <p className="mt-1 text-zinc-600" data-testid="saft-exported">
                      {t("saftExported", {
                        at: formatDateTime(row.saftExportedAt, locale),
                        by: row.saftExportedBy ?? "—",
                      })}
                    </p>
                  ) : null}
                </Td>
                {canRefresh ? (
                  <Td>
                    {row.store.connected ? (
                      <RefreshButton month={month} storeId={row.store.id} label={t("refresh")} />
                    ) : null}
                  </Td>
                ) : null}
              </Tr>,
              hasLists ? (
                <tr key={`${row.store.id}-lists`} className="bg-zinc-50/40">
                  <td colSpan={canRefresh ? 9 : 8} className="px-3 py-3">
                    <details open={attention > 0}>
                      <summary className="cursor-pointer text-xs font-medium text-zinc-700">
                        {t("showDifferences", { store: row.store.name })}
                      </summary>
                      <div className="mt-2">
                        <Differences report={report} canCredit={canCredit} />
                      </div>
                    </details>
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </TBody>
      </Table>
    </Card>
  );
}
