import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { OrdersResults } from "@/components/orders/orders-results";
import { Card } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requireUser } from "@/lib/auth";
import { invoiceStates, orderSearchSchema } from "@/lib/data/orders";
import { listStoreOptions } from "@/lib/data/stores";
import { firstValues, type SearchParams } from "@/lib/keyset";
import { storeFilter } from "@/components/ui/store-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = firstValues(await searchParams);
  const search = orderSearchSchema.parse(params);
  const [stores, t, states, common] = await Promise.all([
    listStoreOptions(user),
    getTranslations("orders"),
    getTranslations("invoiceState"),
    getTranslations("common"),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <FilterBar
          key={`${search.store}|${search.state}|${search.q}`}
          action="/orders"
          keep={{ sort: search.sort === "asc" ? "asc" : undefined }}
          search={{ name: "q", label: t("searchLabel"), value: search.q, placeholder: t("searchPlaceholder") }}
          selects={[
            storeFilter(stores, { label: t("columns.store"), allLabel: common("allStores") }, search.store),
            {
              name: "state",
              label: t("columns.invoiceState"),
              allLabel: common("allStates"),
              value: search.state,
              options: invoiceStates.map((s) => ({ value: s, label: states(s) })),
            },
          ]}
        />
        <Suspense key={JSON.stringify(search)} fallback={<TableSkeleton />}>
          <OrdersResults user={user} search={search} params={params} />
        </Suspense>
      </Card>
    </>
  );
}
