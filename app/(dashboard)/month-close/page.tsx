import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/month-close/auto-refresh";
import { ExportLinks } from "@/components/month-close/export-links";
import { MonthCloseTable } from "@/components/month-close/month-close-table";
import { MonthPicker } from "@/components/month-close/month-picker";
import { OssThreshold } from "@/components/month-close/oss-threshold";
import { RefreshButton } from "@/components/month-close/refresh-button";
import { SaftZipButton } from "@/components/month-close/saft-zip-button";
import { SaftZipStatus } from "@/components/month-close/saft-zip-status";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { listMonthCloses, parseMonthParam } from "@/lib/data/month-close";
import { listOssThreshold } from "@/lib/data/oss-threshold";
import { latestBundle } from "@/lib/saft/bundle-access";
import { currentPeriod, periodLabel } from "@/lib/saft/period";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("monthClose"))("title") };
}

export default async function MonthClosePage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const user = await requireUser();
  const period = parseMonthParam((await searchParams).month);
  const month = periodLabel(period);
  const [rows, bundle, oss, t] = await Promise.all([
    listMonthCloses(user, period),
    latestBundle(db, user, period),
    listOssThreshold(db, user, period.year),
    getTranslations("monthClose"),
  ]);
  const canRefresh = can(user, "month-close.refresh");
  const canExportSaft = can(user, "saft.export");
  const running = rows.some((row) => row.run === "queued" || row.run === "running") || bundle?.state === "building";
  const attention = rows.filter((row) => row.status === "needs_attention").length;
  const ready = rows.filter((row) => row.status === "ready").length;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <MonthPicker month={month} max={periodLabel(currentPeriod())} />
            {canRefresh && rows.length > 0 ? (
              <RefreshButton month={month} storeId={null} label={t("refreshAll")} variant="primary" />
            ) : null}
          </>
        }
      />
      <AutoRefresh active={running} />
      {rows.length === 0 ? (
        <Card>
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        </Card>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-zinc-600" data-testid="month-summary">
              {t("summary", { ready, attention, unchecked: rows.length - ready - attention })}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <ExportLinks month={month} store={null} size="md" />
              {canExportSaft ? <SaftZipButton month={month} disabled={bundle?.state === "building"} /> : null}
            </div>
          </div>
          {bundle ? (
            <div className="mb-3">
              <SaftZipStatus bundle={bundle} />
            </div>
          ) : null}
          <MonthCloseTable
            rows={rows}
            month={month}
            canRefresh={canRefresh}
            canCredit={can(user, "credit-notes.issue")}
          />
          <p className="mt-3 text-xs text-zinc-500">{t("note")}</p>
          <OssThreshold rows={oss} year={period.year} />
        </>
      )}
    </>
  );
}
