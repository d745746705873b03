// The differences of one store's month, each pointing at the order or document it is about.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatDay, formatEuros } from "@/lib/format";
import type { DifferenceList, MonthReport } from "@/lib/month-close/types";

function OrderLink({ orderId, jumpsellerId }: { orderId: string | null; jumpsellerId: number }) {
  return orderId ? (
    <Link href={`/orders/${orderId}`} className="font-medium text-teal-700 hover:underline">
      #{jumpsellerId}
    </Link>
  ) : (
    <span className="font-medium">#{jumpsellerId}</span>
  );
}

function DocumentLink({ documentId, number }: { documentId: string; number: string }) {
  return (
    <a href={`/api/documents/${documentId}/download`} className="text-teal-700 hover:underline">
      {number}
    </a>
  );
}

function Section<T>({
  title,
  list,
  testId,
  render,
}: {
  title: string;
  list: DifferenceList<T>;
  testId: string;
  render: (item: T) => React.ReactNode;
}) {
  const t = useTranslations("monthClose");
  if (list.count === 0) return null;
  return (
    <section data-testid={testId} className="space-y-1">
      <h4 className="text-xs font-semibold text-zinc-700">
        {title} <span className="font-normal text-zinc-500">({list.count})</span>
      </h4>
      <ul className="space-y-0.5 text-xs text-zinc-700">{list.items.map(render)}</ul>
      {list.count > list.items.length ? (
        <p className="text-xs text-zinc-500">{t("more", { count: list.count - list.items.length })}</p>
      ) : null}
    </section>
  );
}

export function Differences({ report, canCredit }: { report: MonthReport; canCredit: boolean }) {
  const t = useTranslations("monthClose");
  const locale = useLocale();
  const eur = (cents: number | null) => (cents === null ? "—" : formatEuros(cents, locale));
  const d = report.differences;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Section
        title={t("withoutInvoice")}
        list={d.withoutInvoice}
        testId="diff-without-invoice"
        render={(item) => (
          <li key={item.jumpsellerId} className="flex flex-wrap items-center gap-2">
            <OrderLink orderId={item.orderId} jumpsellerId={item.jumpsellerId} />
            <span>{eur(item.paidCents)}</span>
            <span className="text-zinc-500">{t("paidOn", { date: formatDateTime(item.paidAt, locale) })}</span>
            <Badge
              tone={item.deadlineState === "overdue" ? "red" : item.deadlineState === "near" ? "amber" : "neutral"}
            >
              {item.deadlineState === "overdue"
                ? t("deadlinePassed", { date: formatDay(item.deadline, locale) })
                : t("deadlineIn", { count: item.workingDaysLeft, date: formatDay(item.deadline, locale) })}
            </Badge>
          </li>
        )}
      />
      <Section
        title={t("grossMismatch")}
        list={d.grossMismatch}
        testId="diff-gross-mismatch"
        render={(item) => (
          <li key={item.documentId} className="flex flex-wrap items-center gap-2">
            <OrderLink orderId={item.orderId} jumpsellerId={item.jumpsellerId} />
            <DocumentLink documentId={item.documentId} number={item.number} />
            <span>{t("paidVsInvoiced", { paid: eur(item.paidCents), invoiced: eur(item.grossCents) })}</span>
          </li>
        )}
      />
      <Section
        title={t("cancelledNotCredited")}
        list={d.cancelledNotCredited}
        testId="diff-not-credited"
        render={(item) => (
          <li key={item.documentId} className="flex flex-wrap items-center gap-2">
            <OrderLink orderId={item.orderId} jumpsellerId={item.jumpsellerId} />
            <DocumentLink documentId={item.documentId} number={item.number} />
            <span>{eur(item.grossCents)}</span>
            {canCredit ? (
              <Link href={`/orders/${item.orderId}`} className="font-medium text-teal-700 hover:underline">
                {t("issueCreditNote")}
              </Link>
            ) : null}
          </li>
        )}
      />
      <Section
        title={t("outsidePonte")}
        list={d.outsidePonte}
        testId="diff-outside"
        render={(item) => (
          <li key={item.vendusId} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{item.number}</span>
            <span className="text-zinc-500">{formatDay(item.date, locale)}</span>
            <span>{eur(item.grossCents)}</span>
          </li>
        )}
      />
      <Section
        title={t("invoicedNextMonth")}
        list={d.invoicedNextMonth}
        testId="diff-next-month"
        render={(item) => (
          <li key={item.documentId} className="flex flex-wrap items-center gap-2">
            <OrderLink orderId={item.orderId} jumpsellerId={item.jumpsellerId} />
            <DocumentLink documentId={item.documentId} number={item.number} />
            <span className="text-zinc-500">
              {t("paidThenInvoiced", {
                paid: formatDateTime(item.paidAt, locale),
                invoiced: formatDateTime(item.issuedAt, locale),
              })}
            </span>
          </li>
        )}
      />
    </div>
  );
}
