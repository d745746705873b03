import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { FailureGroups } from "@/components/jobs/failure-groups";
import { JobsResults } from "@/components/jobs/jobs-results";
import { Card } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth";
import { jobKinds, jobSearchSchema, jobStatuses } from "@/lib/data/jobs";
import { listStoreOptions } from "@/lib/data/stores";
import { firstValues, type SearchParams } from "@/lib/keyset";
import { storeFilter } from "@/components/ui/store-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

export default async function JobsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = firstValues(await searchParams);
  const search = jobSearchSchema.parse(params);
  const { cause: _cause, ...rest } = params;
  const withoutCause = `/jobs?${new URLSearchParams(rest)}`;
  const [stores, t, statusT, kindT, common, all] = await Promise.all([
    listStoreOptions(user),
    getTranslations("jobs"),
    getTranslations("jobStatus"),
    getTranslations("jobKind"),
    getTranslations("common"),
    getTranslations(),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {!search.status || search.status === "failed" ? (
        <Suspense key={`${search.store}|${search.kind}`} fallback={null}>
          <FailureGroups user={user} filters={{ store: search.store, kind: search.kind }} />
        </Suspense>
      ) : null}
      <Card>
        <FilterBar
          key={`${search.status}|${search.kind}|${search.store}|${search.cause}`}
          action="/jobs"
          selects={[
            {
              name: "status",
              label: t("columns.status"),
              allLabel: common("allStates"),
              value: search.status,
              options: jobStatuses.map((s) => ({ value: s, label: statusT(s) })),
            },
            storeFilter(stores, { label: t("columns.store"), allLabel: common("allStores") }, search.store),
            {
              name: "kind",
              label: t("columns.kind"),
              allLabel: common("allKinds"),
              value: search.kind,
              options: jobKinds.map((k) => ({ value: k, label: kindT(k) })),
            },
          ]}
        />
        {search.cause ? (
          <p className="flex flex-wrap gap-2 border-b border-zinc-100 px-4 py-2 text-xs text-zinc-600">
            {all("jobs.groups.filteredBy", {
              cause: all(search.cause === "other" ? "jobErrors.other" : `jobErrors.codes.${search.cause}.label`),
            })}
            <Link href={withoutCause} className="font-medium text-teal-700 hover:underline">
              {common("clear")}
            </Link>
          </p>
        ) : null}
        <Suspense key={JSON.stringify(search)} fallback={<TableSkeleton />}>
          <JobsResults user={user} search={search} params={params} />
        </Suspense>
      </Card>
    </>
  );
}
