"use client";
// Column definitions for the jobs table. Filters and paging live in the URL; the table renders one keyset
// page and keeps only the row selection (which jobs to retry together) in the browser.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { createColumnHelper, rowSelectionFeature, tableFeatures } from "@tanstack/react-table";
import { AtRiskBadge, JobKindLabel, JobStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import type { JobRow } from "@/lib/data/jobs";
import { formatDateTime, formatTime } from "@/lib/format";
import { JobError } from "./job-error";
import { RetryButton } from "./retry-button";

const jobTableFeatures = tableFeatures({ rowSelectionFeature });
const helper = createColumnHelper<typeof jobTableFeatures, JobRow>();

function Header({ id }: { id: string }) {
  return <>{useTranslations("jobs.columns")(id)}</>;
}

function SelectAll({
  checked,
  indeterminate,
  onChange,
  disabled,
}: {
  checked: boolean;
  indeterminate: boolean;
  onChange: (e: unknown) => void;
  disabled: boolean;
}) {
  const t = useTranslations("actions.bulk");
  return (
    <input
      type="checkbox"
      className="size-4 rounded border-zinc-300 accent-teal-700 disabled:opacity-40"
      aria-label={t("selectPage")}
      checked={checked}
      disabled={disabled}
      ref={(el) => {
        if (el) el.indeterminate = indeterminate;
      }}
      onChange={onChange}
    />
  );
}

function SelectRow({ row, checked, onChange }: { row: JobRow; checked: boolean; onChange: (e: unknown) => void }) {
  const t = useTranslations("actions.bulk");
  if (!row.retriable) return null;
  return (
    <input
      type="checkbox"
      className="size-4 rounded border-zinc-300 accent-teal-700"
      aria-label={t("selectRow", { subject: row.subject })}
      checked={checked}
      onChange={onChange}
    />
  );
}

function StatusCell({ row }: { row: JobRow }) {
  const t = useTranslations("actions.retry");
  const outages = useTranslations("outages");
  const locale = useLocale();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <JobStatusBadge status={row.status} waitingFor={row.waitingFor} />
      {row.atRiskAt && !["succeeded", "skipped", "failed"].includes(row.status) ? <AtRiskBadge /> : null}
      {row.status === "waiting" && row.retryAt ? (
        <span className="text-xs text-zinc-500">{outages("nextTry", { at: formatTime(row.retryAt, locale) })}</span>
      ) : null}
      {row.stuck ? (
        <Badge tone="amber">
          <span title={t("stuckHint")}>{t("stuck")}</span>
        </Badge>
      ) : null}
    </span>
  );
}

function ActionsHeader() {
  return <span className="sr-only">{useTranslations("actions.retry")("button")}</span>;
}

function UpdatedCell({ value }: { value: Date }) {
  return <span className="whitespace-nowrap text-xs">{formatDateTime(value, useLocale())}</span>;
}

const jobColumns = helper.columns([
  helper.display({
    id: "select",
    header: ({ table }) => (
      <SelectAll
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        disabled={!table.getRowModel().rows.some((row) => row.getCanSelect())}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <SelectRow row={row.original} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
    ),
  }),
  helper.accessor("kind", {
    header: () => <Header id="kind" />,
    cell: (info) => (
      <span className="whitespace-nowrap font-medium text-zinc-900">
        <JobKindLabel kind={info.getValue()} />
      </span>
    ),
  }),
  helper.accessor((row) => row.store.name, {
    id: "store",
    header: () => <Header id="store" />,
    cell: (info) => <span className="whitespace-nowrap">{info.getValue()}</span>,
  }),
  helper.accessor("subject", {
    header: () => <Header id="subject" />,
    // Invoice jobs are named after their order; credit-note requests and syncs after their own subject.
    cell: ({ row: { original: job } }) =>
      job.orderId && job.order ? (
        <Link href={`/orders/${job.orderId}`} className="whitespace-nowrap text-teal-700 hover:underline">
          #{job.order.jumpsellerId}
        </Link>
      ) : (
        <span className="block max-w-48 truncate font-mono text-xs" title={job.subject}>
          {job.subject}
        </span>
      ),
  }),
  helper.accessor("status", {
    header: () => <Header id="status" />,
    cell: ({ row }) => <StatusCell row={row.original} />,
  }),
  helper.accessor("attempts", {
    header: () => <Header id="attempts" />,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  helper.display({
    id: "error",
    header: () => <Header id="error" />,
    cell: ({ row }) => <JobError error={row.original} storeId={row.original.store.id} />,
  }),
  helper.accessor("updatedAt", {
    header: () => <Header id="updated" />,
    cell: (info) => <UpdatedCell value={info.getValue()} />,
  }),
  helper.display({
    id: "actions",
    header: () => <ActionsHeader />,
    cell: ({ row }) => (
      <RetryButton jobId={row.original.id} subject={row.original.subject} retriable={row.original.retriable} />
    ),
  }),
]);

export const jobTable = { features: jobTableFeatures, columns: jobColumns };
