"use client";
// One job, sent again. Stays mounted after the job stops being retriable, so that its confirmation remains
// visible once the page has refreshed with the job queued.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionStatus, type ActionStatusMessage } from "@/components/actions/action-status";
import { useActionError } from "@/components/actions/use-action-messages";
import { Button } from "@/components/ui/button";
import { retryJob } from "@/lib/actions/jobs";

export function RetryButton({ jobId, subject, retriable }: { jobId: string; subject: string; retriable: boolean }) {
  const t = useTranslations("actions.retry");
  const errorText = useActionError();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionStatusMessage>(null);

  function retry() {
    setMessage(null);
    startTransition(async () => {
      const result = await retryJob(jobId);
      if (!result) return;
      if ("error" in result) setMessage({ tone: "error", text: errorText(result.error) });
      else
        setMessage(
          result.dispatched > 0 ? { tone: "success", text: t("queued") } : { tone: "info", text: t("waiting") },
        );
    });
  }

  if (!retriable && !message && !isPending) return null;
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      {retriable || isPending ? (
        <Button size="sm" onClick={retry} disabled={isPending} aria-label={t("label", { subject })}>
          <RetryIcon spinning={isPending} />
          {isPending ? t("pending") : t("button")}
        </Button>
      ) : null}
      <ActionStatus message={message} />
    </span>
  );
}

function RetryIcon({ spinning }: { spinning: boolean }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden
      className={spinning ? "size-3.5 animate-spin" : "size-3.5"}
    >
      <path d="M16 10a6 6 0 1 1-1.76-4.24M16 4v3.5h-3.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
