"use client";
// Column definitions for the orders table. Sorting is done by the database (the URL holds it); the table
// only renders the rows of one keyset page.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { createColumnHelper, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import { AtRiskBadge, InvoiceStateBadge, JobStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import type { OrderRow } from "@/lib/data/orders";
import { formatDateTime, formatEuros } from "@/lib/format";
import { deadlineStatus } from "@/lib/legal-deadline";

const orderTableFeatures = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof orderTableFeatures, OrderRow>();

function Header({ id }: { id: string }) {
  return <>{useTranslations("orders.columns")(id)}</>;
}

function DateCell({ value }: { value: Date }) {
  return <span className="whitespace-nowrap tabular-nums">{formatDateTime(value, useLocale())}</span>;
}

function MoneyCell({ row }: { row: OrderRow }) {
  return <span className="tabular-nums">{formatEuros(row.totalCents, useLocale(), row.currency)}</span>;
}

function StateCell({ row }: { row: OrderRow }) {
  const t = useTranslations("orders");
  // The legal clock only runs for paid orders that still have no invoice.
  const status =
    row.paidAt && (row.invoiceState === "pending" || row.invoiceState === "failed") ? deadlineStatus(row.paidAt) : null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      <InvoiceStateBadge state={row.invoiceState} />
      {row.invoiceJob?.status === "waiting" ? (
        <JobStatusBadge status="waiting" waitingFor={row.invoiceJob.waitingFor} />
      ) : null}
      {row.invoiceJob?.atRisk ? <AtRiskBadge /> : null}
      {status === "overdue" ? <Badge tone="red">{t("overdue")}</Badge> : null}
      {status === "near" && !row.invoiceJob?.atRisk ? <Badge tone="amber">{t("nearDeadline")}</Badge> : null}
    </span>
  );
}

const orderColumns = helper.columns([
  helper.accessor("jumpsellerId", {
    header: () => <Header id="order" />,
    enableSorting: false,
    cell: (info) => (
      <Link href={`/orders/${info.row.original.id}`} className="font-medium text-zinc-900 hover:text-teal-700">
        #{info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("orderedAt", {
    header: () => <Header id="date" />,
    enableSorting: true,
    cell: (info) => <DateCell value={info.getValue()} />,
  }),
  helper.accessor((row) => row.store.name, { id: "store", header: () => <Header id="store" />, enableSorting: false }),
  helper.accessor("customerName", {
    header: () => <Header id="customer" />,
    enableSorting: false,
    cell: (info) => info.getValue() ?? <span className="text-zinc-400">—</span>,
  }),
  helper.accessor("nif", {
    header: () => <Header id="nif" />,
    enableSorting: false,
    cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span>,
  }),
  helper.accessor("totalCents", {
    header: () => <Header id="total" />,
    enableSorting: false,
    cell: (info) => <MoneyCell row={info.row.original} />,
  }),
  helper.accessor("invoiceState", {
    header: () => <Header id="invoiceState" />,
    enableSorting: false,
    cell: (info) => <StateCell row={info.row.original} />,
  }),
  helper.accessor((row) => row.invoice?.number ?? null, {
    id: "invoice",
    header: () => <Header id="invoice" />,
    enableSorting: false,
    cell: (info) => <span className="whitespace-nowrap font-mono text-xs">{info.getValue() ?? "—"}</span>,
  }),
]);

export const orderTable = { features: orderTableFeatures, columns: orderColumns };
