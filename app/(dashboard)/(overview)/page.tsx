import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { OutageBanner } from "@/components/outages/outage-banner";
import { OverviewChart } from "@/components/overview/overview-chart";
import { OverviewTable } from "@/components/overview/overview-table";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { listOpenOutages } from "@/lib/data/outages";
import { getOverview } from "@/lib/data/overview";
import { getOverviewChart } from "@/lib/data/overview-chart";
import { formatEuros } from "@/lib/format";
import { firstValues, type SearchParams } from "@/lib/keyset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = firstValues(await searchParams);
  const requested = typeof params.store === "string" && params.store.length <= 64 ? params.store : null;
  const [stores, outages, t, common, locale] = await Promise.all([
    getOverview(user),
    listOpenOutages(user),
    getTranslations("overview"),
    getTranslations("common"),
    getLocale(),
  ]);
  // The chart's store, if the user sees it. Another store's id (or one that does not exist) is ignored: the
  // chart is the visible stores', as its title says, and the page tells nothing of that store, not even that
  // it exists. (A status 404 is not possible here: a layout, above the loading boundary, has no query.)
  const chartStore = requested ? (stores.find((s) => s.id === requested) ?? null) : null;
  const chart = await getOverviewChart(user, { storeId: chartStore?.id ?? null });
  const chartStoreName = chartStore?.name ?? null;
  const sum = (pick: (s: (typeof stores)[number]) => number) => stores.reduce((total, s) => total + pick(s), 0);
  const near = sum((s) => s.nearDeadline);
  const overdue = sum((s) => s.overdue);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <OutageBanner outages={outages} showStore />
      {stores.length === 0 ? (
        <Card>
          <EmptyState title={t("emptyTitle")} description={user.role === "admin" ? t("emptyAdmin") : t("emptyOther")} />
        </Card>
      ) : (
        <>
          <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-5">
            <Stat
              label={t("invoicedMonth")}
              value={formatEuros(
                sum((s) => s.invoicedMonth.grossCents),
                locale,
              )}
              hint={t("documents", { count: sum((s) => s.invoicedMonth.count) })}
            />
            <Stat
              label={t("invoicedToday")}
              value={formatEuros(
                sum((s) => s.invoicedToday.grossCents),
                locale,
              )}
              hint={t("documents", { count: sum((s) => s.invoicedToday.count) })}
            />
            <Stat label={t("awaitingInvoice")} value={sum((s) => s.awaitingInvoice)} hint={t("awaitingHint")} />
            <Stat
              label={t("nearDeadline")}
              value={near + overdue}
              hint={t("nearHint", { overdue })}
              tone={overdue > 0 ? "red" : near > 0 ? "amber" : undefined}
            />
            <Stat
              label={t("failedJobs")}
              value={sum((s) => s.failedJobs)}
              tone={sum((s) => s.failedJobs) > 0 ? "red" : undefined}
            />
          </div>
          {stores.length > 1 ? (
            <FilterBar
              key={chartStore?.id ?? ""}
              action="/"
              selects={[
                {
                  name: "store",
                  label: t("chart.store"),
                  allLabel: common("allStores"),
                  value: chartStore?.id,
                  options: stores.map((s) => ({ value: s.id, label: s.name })),
                },
              ]}
            />
          ) : null}
          <OverviewChart days={chart} storeName={chartStoreName ?? (stores.length === 1 ? stores[0]!.name : null)} />
          <OverviewTable stores={stores} />
          <p className="mt-3 text-xs text-zinc-500">{t("deadlineNote")}</p>
        </>
      )}
    </>
  );
}
