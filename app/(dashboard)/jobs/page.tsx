import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { JobsResults } from "@/components/jobs/jobs-results";
import { Card } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth";
import { jobKinds, jobSearchSchema, jobStatuses } from "@/lib/data/jobs";
import { listStoreOptions } from "@/lib/data/stores";
import { firstValues } from "@/lib/keyset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = firstValues(await searchParams);
  const search = jobSearchSchema.parse(params);
  const [stores, t, statusT, kindT, common] = await Promise.all([
    listStoreOptions(user),
    getTranslations("jobs"),
    getTranslations("jobStatus"),
    getTranslations("jobKind"),
    getTranslations("common"),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <FilterBar
          key={`${search.status}|${search.kind}|${search.store}`}
          action="/jobs"
          selects={[
            { name: "status", label: t("columns.status"), allLabel: common("allStates"), value: search.status, options: jobStatuses.map((s) => ({ value: s, label: statusT(s) })) },
            { name: "store", label: t("columns.store"), allLabel: common("allStores"), value: search.store, options: stores.map((s) => ({ value: s.id, label: s.name })) },
            { name: "kind", label: t("columns.kind"), allLabel: common("allKinds"), value: search.kind, options: jobKinds.map((k) => ({ value: k, label: kindT(k) })) },
          ]}
        />
        <Suspense key={JSON.stringify(search)} fallback={<TableSkeleton />}>
          <JobsResults user={user} search={search} params={params} />
        </Suspense>
      </Card>
    </>
  );
}
