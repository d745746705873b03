import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ReadinessVerdict } from "@/components/stores/readiness-card";
import { StoreStatusCells } from "@/components/stores/store-status-cells";
import { Badge } from "@/components/ui/badge";
import { DateTimeOr } from "@/components/ui/date-time-or";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { StoreOverview } from "@/lib/data/overview";
import { formatEuros } from "@/lib/format";

function Amount({ count, cents, locale }: { count: number; cents: number; locale: string }) {
  return (
    <span className="tabular-nums">
      <span className="font-medium text-zinc-900">{count}</span>
      <span className="ml-1.5 text-xs text-zinc-500">{formatEuros(cents, locale)}</span>
    </span>
  );
}

/** Why a store cannot invoice: its last check's problems (the first few; the store page lists them all). */
function NotReadyReasons({ store }: { store: StoreOverview }) {
  const t = useTranslations("readiness");
  const problems = store.readiness?.items.filter((item) => item.status === "fail") ?? [];
  if (problems.length === 0) return null;
  const shown = problems.slice(0, 3);
  return (
    <ul className="mt-1 max-w-72 space-y-0.5 text-xs text-red-700" data-testid="not-ready-reasons">
      {shown.map((item) => (
        <li key={item.code}>{t(`items.${item.code}`, item.params ?? {})}</li>
      ))}
      {problems.length > shown.length ? (
        <li>
          <Link href={`/stores/${store.id}`} className="underline">
            {t("problems", { count: problems.length })}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}

export function OverviewTable({ stores }: { stores: StoreOverview[] }) {
  const t = useTranslations("overview");
  const locale = useLocale();
  return (
    <Card>
      <CardHeader title={t("byStore")} />
      <Table>
        <THead>
          <tr>
            <Th>{t("store")}</Th>
            <Th>{t("status")}</Th>
            <Th className="text-right">{t("today")}</Th>
            <Th className="text-right">{t("month")}</Th>
            <Th className="text-right">{t("awaitingInvoice")}</Th>
            <Th>{t("deadline")}</Th>
            <Th className="text-right">{t("failedJobs")}</Th>
            <Th>{t("lastWebhook")}</Th>
          </tr>
        </THead>
        <TBody>
          {stores.map((store) => (
            <Tr key={store.id}>
              <StoreStatusCells
                store={store}
                testId="overview-store"
                badges={<ReadinessVerdict readiness={store.readiness} />}
              >
                <NotReadyReasons store={store} />
              </StoreStatusCells>
              <Td className="text-right">
                <Amount count={store.invoicedToday.count} cents={store.invoicedToday.grossCents} locale={locale} />
              </Td>
              <Td className="text-right">
                <Amount count={store.invoicedMonth.count} cents={store.invoicedMonth.grossCents} locale={locale} />
              </Td>
              <Td className="text-right tabular-nums">
                <Link href={`/orders?store=${store.id}`} className="font-medium text-zinc-900 hover:text-teal-700">
                  {store.awaitingInvoice}
                </Link>
              </Td>
              <Td>
                <span className="inline-flex flex-wrap gap-1">
                  {store.overdue > 0 ? <Badge tone="red">{t("overdueCount", { count: store.overdue })}</Badge> : null}
                  {store.nearDeadline > 0 ? (
                    <Badge tone="amber">{t("nearCount", { count: store.nearDeadline })}</Badge>
                  ) : null}
                  {store.overdue === 0 && store.nearDeadline === 0 ? (
                    <span className="text-xs text-zinc-400">—</span>
                  ) : null}
                </span>
              </Td>
              <Td className="text-right tabular-nums">
                {store.failedJobs > 0 ? (
                  <Link
                    href={`/jobs?store=${store.id}&status=failed`}
                    className="font-medium text-red-700 hover:underline"
                  >
                    {store.failedJobs}
                  </Link>
                ) : (
                  <span className="text-zinc-400">0</span>
                )}
              </Td>
              <Td className="whitespace-nowrap text-xs text-zinc-600">
                <DateTimeOr value={store.lastWebhookAt} locale={locale} none={t("never")} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
