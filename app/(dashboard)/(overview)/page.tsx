import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { OverviewTable } from "@/components/overview/overview-table";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { getOverview } from "@/lib/data/overview";
import { formatEuros } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage() {
  const user = await requireUser();
  const [stores, t, locale] = await Promise.all([getOverview(user), getTranslations("overview"), getLocale()]);
  const sum = (pick: (s: (typeof stores)[number]) => number) => stores.reduce((total, s) => total + pick(s), 0);
  const near = sum((s) => s.nearDeadline);
  const overdue = sum((s) => s.overdue);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {stores.length === 0 ? (
        <Card>
          <EmptyState title={t("emptyTitle")} description={user.role === "admin" ? t("emptyAdmin") : t("emptyOther")} />
        </Card>
      ) : (
        <>
          <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-5">
            <Stat
              label={t("invoicedMonth")}
              value={formatEuros(sum((s) => s.invoicedMonth.grossCents), locale)}
              hint={t("documents", { count: sum((s) => s.invoicedMonth.count) })}
            />
            <Stat
              label={t("invoicedToday")}
              value={formatEuros(sum((s) => s.invoicedToday.grossCents), locale)}
              hint={t("documents", { count: sum((s) => s.invoicedToday.count) })}
            />
            <Stat label={t("awaitingInvoice")} value={sum((s) => s.awaitingInvoice)} hint={t("awaitingHint")} />
            <Stat
              label={t("nearDeadline")}
              value={near + overdue}
              hint={t("nearHint", { overdue })}
              tone={overdue > 0 ? "red" : near > 0 ? "amber" : undefined}
            />
            <Stat label={t("failedJobs")} value={sum((s) => s.failedJobs)} tone={sum((s) => s.failedJobs) > 0 ? "red" : undefined} />
          </div>
          <OverviewTable stores={stores} />
          <p className="mt-3 text-xs text-zinc-500">{t("deadlineNote")}</p>
        </>
      )}
    </>
  );
}
