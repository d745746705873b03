import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import type { SessionUser } from "@/lib/access";
import { listAuditEvents, listRejectedDeliveries, type AuditSearch } from "@/lib/data/audit";
import { AuditTable } from "./audit-table";
import { RejectedTable } from "./rejected-table";

export async function AuditResults({
  user,
  search,
  params,
}: {
  user: SessionUser;
  search: AuditSearch;
  params: Record<string, string>;
}) {
  const [page, t] = await Promise.all([listAuditEvents(user, search), getTranslations("audit")]);
  if (page.rows.length === 0) return <EmptyState title={t("emptyTitle")} description={t("empty")} />;
  return (
    <>
      <AuditTable events={page.rows} />
      <KeysetPager pathname="/audit" params={params} prev={page.prev} next={page.next} />
    </>
  );
}

export async function RejectedResults({ user, storeId }: { user: SessionUser; storeId?: string }) {
  const [rows, t] = await Promise.all([listRejectedDeliveries(user, storeId), getTranslations("audit.rejected")]);
  if (rows.length === 0) return <EmptyState title={t("emptyTitle")} description={t("empty")} />;
  return <RejectedTable rows={rows} />;
}
