import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditResults, RejectedResults } from "@/components/audit/audit-results";
import { Card, CardHeader } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth";
import { auditSearchSchema } from "@/lib/data/audit";
import { listStoreOptions } from "@/lib/data/stores";
import { firstValues, type SearchParams } from "@/lib/keyset";
import { storeFilter } from "@/components/ui/store-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = firstValues(await searchParams);
  const search = auditSearchSchema.parse(params);
  const [stores, t, common] = await Promise.all([
    listStoreOptions(user),
    getTranslations("audit"),
    getTranslations("common"),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("eventsTitle")} />
          <FilterBar
            key={search.store ?? ""}
            action="/audit"
            selects={[storeFilter(stores, { label: t("columns.store"), allLabel: common("allStores") }, search.store)]}
          />
          <Suspense key={JSON.stringify(search)} fallback={<TableSkeleton rows={5} columns={5} />}>
            <AuditResults user={user} search={search} params={params} />
          </Suspense>
        </Card>
        <Card>
          <CardHeader title={t("rejected.title")} description={t("rejected.description")} />
          <Suspense key={search.store ?? ""} fallback={<TableSkeleton rows={3} columns={6} />}>
            <RejectedResults user={user} storeId={search.store} />
          </Suspense>
        </Card>
      </div>
    </>
  );
}
