import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import type { SessionUser } from "@/lib/access";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { hasJobsInFlight } from "@/lib/data/jobs";
import { listOrders, type OrderSearch } from "@/lib/data/orders";
import { OrdersTable } from "./orders-table";

export async function OrdersResults({
  user,
  search,
  params,
}: {
  user: SessionUser;
  search: OrderSearch;
  params: Record<string, string>;
}) {
  const [page, t, busy] = await Promise.all([
    listOrders(user, search),
    getTranslations("orders"),
    hasJobsInFlight(user, search.store),
  ]);
  if (page.rows.length === 0) {
    const filtered = Boolean(search.store || search.state || search.q);
    return (
      <EmptyState
        title={filtered ? t("emptyFilteredTitle") : t("emptyTitle")}
        description={filtered ? t("emptyFiltered") : t("empty")}
      />
    );
  }
  return (
    <>
      {/* Invoices on their way: the states change without a reload, and the reading stops once none is. */}
      <LiveRefresh active={busy} />
      <OrdersTable rows={page.rows} sort={search.sort} />
      <KeysetPager pathname="/orders" params={params} prev={page.prev} next={page.next} />
    </>
  );
}
