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
import { firstValues } from "@/lib/keyset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
            {
              name: "store",
              label: t("columns.store"),
              allLabel: common("allStores"),
              value: search.store,
              options: stores.map((s) => ({ value: s.id, label: s.name })),
            },
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
