import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/actions/download-link";
import { StoreStatusCells } from "@/components/stores/store-status-cells";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DateTimeOr } from "@/components/ui/date-time-or";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth";
import { listStores } from "@/lib/data/stores";
import { periodLabel, previousPeriod } from "@/lib/saft/period";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stores"))("title") };
}

export default async function StoresPage() {
  const user = await requireUser();
  const [stores, t, saft, locale] = await Promise.all([
    listStores(user),
    getTranslations("stores"),
    getTranslations("actions.saft"),
    getLocale(),
  ]);
  // SAF-T is due by day 5 for the month before: the link downloads that month; other months are on the store page.
  const saftPeriod = can(user, "saft.export") ? previousPeriod() : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        {stores.length === 0 ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("documentType")}</Th>
                <Th>{t("oss")}</Th>
                <Th>{t("vendusKey")}</Th>
                <Th>{t("lastReconciled")}</Th>
                {saftPeriod ? <Th>{saft("column")}</Th> : null}
              </tr>
            </THead>
            <TBody>
              {stores.map((store) => (
                <Tr key={store.id}>
                  <StoreStatusCells store={store} testId="store-link" />
                  <Td>
                    <Badge>{store.documentType}</Badge>
                  </Td>
                  <Td>{store.oss ? <Badge tone="blue">OSS</Badge> : <span className="text-zinc-400">—</span>}</Td>
                  <Td className="font-mono text-xs">
                    {store.credential?.vendusKeyHint ?? <span className="text-zinc-400">{t("notConfigured")}</span>}
                  </Td>
                  <Td className="whitespace-nowrap text-xs">
                    <DateTimeOr value={store.lastReconciledAt} locale={locale} none={t("never")} />
                  </Td>
                  {saftPeriod ? (
                    <Td className="whitespace-nowrap">
                      {store.credential ? (
                        <DownloadLink
                          href={`/api/stores/${store.id}/saft?year=${saftPeriod.year}&month=${saftPeriod.month}`}
                          fallbackName={`SAFT-PT_${store.code}_${periodLabel(saftPeriod)}.xml`}
                          errors="actions.saft.errors"
                          label={saft("linkLabel", { store: store.name, period: periodLabel(saftPeriod) })}
                          className="font-mono text-xs text-teal-700 hover:underline"
                        >
                          {periodLabel(saftPeriod)}.xml
                        </DownloadLink>
                      ) : (
                        <span className="text-zinc-400">—</span>
                      )}
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
