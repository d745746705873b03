"use client";
// Retrying many jobs at once: the rows ticked on this page, or every failed job that matches the page's
// filters (across all its pages). The second asks for a confirmation first, since it may touch many jobs.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionStatus, type ActionStatusMessage } from "@/components/actions/action-status";
import { useActionError } from "@/components/actions/use-action-messages";
import { Button } from "@/components/ui/button";
import { retryAllFailedJobs, retrySelectedJobs, type RetryActionResult } from "@/lib/actions/jobs";

export interface JobFilters {
  status?: string;
  kind?: string;
  store?: string;
  cause?: string;
}

export function BulkRetryBar({
  selectedIds,
  filters,
  onDone,
}: {
  selectedIds: string[];
  filters: JobFilters;
  onDone: () => void;
}) {
  const t = useTranslations("actions.bulk");
  const errorText = useActionError();
  const [isPending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<ActionStatusMessage>(null);
  const filtered = Boolean(filters.kind || filters.store || filters.status || filters.cause);
  // A page filtered on another state lists no failed job.
  const canRetryAll = !filters.status || filters.status === "failed";

  function run(action: () => Promise<RetryActionResult>) {
    setMessage(null);
    setConfirming(false);
    startTransition(async () => {
      const result = await action();
      if (!result) return;
      if ("error" in result) {
        setMessage({ tone: "error", text: errorText(result.error) });
        return;
      }
      const waiting = result.retried - result.dispatched;
      const text =
        t("done", { retried: result.retried, skipped: result.skipped }) +
        (waiting > 0 ? ` ${t("waiting", { count: waiting })}` : "") +
        (result.creditNotesSkipped ? ` ${t("creditNotesSkipped", { count: result.creditNotesSkipped })}` : "");
      setMessage({ tone: result.retried > 0 ? "success" : "info", text });
      onDone();
    });
  }

  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-zinc-100 bg-zinc-50/50 px-3 py-2"
      aria-label={t("retrySelected")}
      role="toolbar"
    >
      <span className="text-xs text-zinc-600">{t("selected", { count: selectedIds.length })}</span>
      <Button
        size="sm"
        variant="primary"
        disabled={isPending || selectedIds.length === 0}
        onClick={() => run(() => retrySelectedJobs(selectedIds))}
      >
        {t("retrySelected")}
        {selectedIds.length > 0 ? <span className="tabular-nums">({selectedIds.length})</span> : null}
      </Button>
      {canRetryAll ? (
        confirming ? (
          <span className="inline-flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-2 py-1 ring-1 ring-inset ring-amber-200">
            <span className="text-xs text-amber-900">{t("confirmAll", { filtered: filtered ? "yes" : "no" })}</span>
            <Button size="sm" variant="danger" onClick={() => run(() => retryAllFailedJobs({ ...filters }))}>
              {t("confirm")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </span>
        ) : (
          <Button size="sm" disabled={isPending} onClick={() => setConfirming(true)}>
            {filtered ? t("retryAllFailedFiltered") : t("retryAllFailed")}
          </Button>
        )
      ) : null}
      {isPending ? <span className="text-xs text-zinc-500">{t("pending")}</span> : null}
      <ActionStatus message={message} />
    </div>
  );
}
