import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CreditSuggestion } from "@/components/orders/credit-suggestion";
import { OrderDocuments, type CreditShortcut } from "@/components/orders/order-documents";
import { OrderCorrection, type CorrectionValues } from "@/components/orders/order-correction";
import { OrderJobs } from "@/components/orders/order-jobs";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { InvoiceStateBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DetailRow } from "@/components/ui/detail-row";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth";
import { getInvoiceBalances } from "@/lib/data/credit-notes";
import { getOrderDetail } from "@/lib/data/order-detail";
import { getOrderTimeline } from "@/lib/data/order-timeline";
import type { ViesAnswer } from "@/lib/invoicing";
import { formatDateTime, formatDay, formatEuros } from "@/lib/format";
import { creditReasonPresets } from "@/lib/jobs/credit-notes";
import { deadlineStatus, invoiceDeadline } from "@/lib/legal-deadline";

type Props = { params: Promise<{ orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser();
  const order = await getOrderDetail(user, (await params).orderId);
  return { title: order ? `#${order.jumpsellerId}` : undefined };
}

export default async function OrderPage({ params }: Props) {
  const user = await requireUser();
  const { orderId } = await params;
  const [order, timeline, t, locale] = await Promise.all([
    getOrderDetail(user, orderId),
    getOrderTimeline(user, orderId),
    getTranslations("order"),
    getLocale(),
  ]);
  if (!order || !timeline) notFound();
  const awaiting = order.paidAt && (order.invoiceState === "pending" || order.invoiceState === "failed");
  const status = awaiting && order.paidAt ? deadlineStatus(order.paidAt) : null;
  const invoices = order.documents.filter((doc) => doc.type !== "NC");
  const balances = Object.fromEntries(await getInvoiceBalances(user, invoices));
  // Credit notes are for accountants and admins: merchants see the invoices, not the shortcut.
  const credit: CreditShortcut | null = can(user, "credit-notes.issue") ? { presets: creditReasonPresets } : null;
  const vies = order.viesCheck as ViesAnswer | null;
  const live = invoices.find((doc) => doc.invoiceForOrderId === order.id && doc.mode === "normal");
  const reissue = credit && live ? { documentId: live.id, number: live.number } : null;
  const invoiceFailed = order.jobs.some((job) => job.kind === "invoice_order" && job.status === "failed");
  const suggested =
    order.invoiceState === "credit_note_suggested" ? invoices.find((doc) => doc.mode === "normal") : undefined;

  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {t("title", { number: order.jumpsellerId })}
            <InvoiceStateBadge state={order.invoiceState} />
          </span>
        }
        description={
          <Link href={`/stores/${order.store.id}`} className="hover:text-teal-700">
            {order.store.name}
          </Link>
        }
      />
      {suggested ? (
        <CreditSuggestion
          invoice={suggested}
          balance={balances[suggested.id]}
          credit={credit}
          currency={order.currency}
        />
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="self-start">
          <CardHeader title={t("summary")} />
          <dl className="divide-y divide-zinc-100 text-sm">
            <DetailRow label={t("customer")}>{order.customerName ?? "—"}</DetailRow>
            <DetailRow label={t("email")}>{order.customerEmail ?? "—"}</DetailRow>
            <DetailRow label={t("nif")}>
              {order.nif ? (
                <span className="font-mono text-xs">{order.nif}</span>
              ) : (
                <span className="text-zinc-500">{t("noNif")}</span>
              )}
            </DetailRow>
            <DetailRow label={t("country")}>{order.country ?? "—"}</DetailRow>
            {vies ? (
              <DetailRow label={t("vies")}>
                <span className="inline-flex items-center gap-1.5">
                  <Badge tone={vies.valid ? "green" : "red"}>{vies.valid ? t("viesValid") : t("viesInvalid")}</Badge>
                  <span className="font-mono text-xs" title={vies.requestIdentifier ?? undefined}>
                    {vies.vatNumber} · {formatDay(vies.requestDate.slice(0, 10), locale)}
                  </span>
                </span>
              </DetailRow>
            ) : null}
            <DetailRow label={t("total")}>
              <span className="font-semibold tabular-nums">
                {formatEuros(order.totalCents, locale, order.currency)}
              </span>
            </DetailRow>
            <DetailRow label={t("status")}>{order.status}</DetailRow>
            <DetailRow label={t("orderedAt")}>{formatDateTime(order.orderedAt, locale)}</DetailRow>
            <DetailRow label={t("paidAt")}>{order.paidAt ? formatDateTime(order.paidAt, locale) : "—"}</DetailRow>
            {awaiting && order.paidAt ? (
              <DetailRow label={t("deadline")}>
                <span className="inline-flex items-center gap-1.5">
                  {formatDay(invoiceDeadline(order.paidAt), locale)}
                  {status === "overdue" ? <Badge tone="red">{t("overdue")}</Badge> : null}
                  {status === "near" ? <Badge tone="amber">{t("nearDeadline")}</Badge> : null}
                </span>
              </DetailRow>
            ) : null}
          </dl>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          {order.invoiceWarnings.length > 0 ? (
            <Card>
              <CardHeader title={t("invoiceWarnings")} />
              <ul className="list-disc space-y-1 px-8 py-3 text-sm text-amber-900" aria-label={t("invoiceWarnings")}>
                {order.invoiceWarnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </Card>
          ) : null}
          <OrderDocuments
            documents={order.documents}
            currency={order.currency}
            balances={balances}
            credit={credit && suggested ? { ...credit, defaultReason: "order_cancelled" } : credit}
          />
          {invoiceFailed || live || order.correction ? (
            <OrderCorrection
              orderId={order.id}
              correction={order.correction as CorrectionValues | null}
              canRetry={invoiceFailed}
              reissue={reissue}
            />
          ) : null}
          <OrderJobs jobs={order.jobs} storeId={order.store.id} />
          <OrderTimeline entries={timeline} currency={order.currency} />
        </div>
      </div>
    </>
  );
}
