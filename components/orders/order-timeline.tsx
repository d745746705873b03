import { useLocale, useTranslations } from "next-intl";
import { JobError } from "@/components/jobs/job-error";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TimelineEntry } from "@/lib/data/order-timeline";
import { WaitReason, type JobKind } from "@/lib/generated/prisma/enums";
import { formatEuros, formatTimestamp } from "@/lib/format";
import { PdfLink } from "./pdf-link";

type UserKey =
  | "order_corrected"
  | "order_correction_removed"
  | "job_retried"
  | "credit_note_requested"
  | "invoice_reissue_requested"
  | "order_invoice_at_risk";

// Dot colours: green done, red failed, amber waiting or a person's action, blue for what simply happened.
function tone(entry: TimelineEntry): string {
  if (entry.kind === "job") {
    if (entry.type === "succeeded" || entry.type === "skipped") return "bg-green-500";
    if (entry.type === "failed" || entry.type === "error") return "bg-red-500";
    if (entry.type === "parked") return "bg-amber-500";
  }
  if (entry.kind === "document") return "bg-green-500";
  if (entry.kind === "user") return "bg-amber-500";
  return "bg-sky-500";
}

/** A parked event's message is what the job waits for, said in the reader's language. */
function isWaitReason(reason: string | null): reason is WaitReason {
  return reason !== null && Object.hasOwn(WaitReason, reason);
}

function EntryText({ entry, currency }: { entry: TimelineEntry; currency: string }) {
  const t = useTranslations("timeline");
  const docTypes = useTranslations("order.documentTypes");
  const waiting = useTranslations("outages.waitingFor");
  const locale = useLocale();
  const job = (kind: JobKind) => t(`jobs.${kind}`);
  switch (entry.kind) {
    case "webhook":
      return (
        <>
          <p>
            {entry.event === "order_paid" || entry.event === "order_canceled"
              ? t(`webhook.${entry.event}`)
              : t("webhook.other", { event: entry.event })}
          </p>
          {entry.duplicates > 0 ? (
            <p className="text-xs text-zinc-500">
              {t("repeats", { count: entry.duplicates, last: formatTimestamp(entry.lastSeenAt, locale) })}
            </p>
          ) : null}
        </>
      );
    case "job_created":
      return <p>{t("jobCreated", { job: job(entry.job) })}</p>;
    case "job": {
      const name = job(entry.job);
      let line: string;
      if (entry.type === "started")
        line =
          entry.dispatch > 0
            ? t("job.startedAgain", { job: name, dispatch: entry.dispatch + 1 })
            : t("job.started", { job: name });
      else if (entry.type === "error")
        line = entry.attempt
          ? t("job.error", { job: name, attempt: entry.attempt })
          : t("job.errorNoAttempt", { job: name });
      else if (entry.type === "parked") {
        const reason = entry.message;
        line = t("job.parked", { job: name, reason: isWaitReason(reason) ? waiting(reason) : (reason ?? "—") });
      } else line = t(`job.${entry.type}`, { job: name });
      const showError =
        entry.type === "error" || entry.type === "failed" || (entry.type === "skipped" && entry.message);
      return (
        <>
          <p>{line}</p>
          {showError ? (
            <JobError
              error={{
                lastErrorKind: entry.errorKind,
                lastErrorCode: entry.errorCode,
                lastErrorParams: entry.errorParams,
                lastErrorMessage: entry.message,
              }}
            />
          ) : null}
        </>
      );
    }
    case "document":
      return (
        <>
          <p>{t("document", { type: docTypes(entry.type), number: entry.number })}</p>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600">
            <span className="tabular-nums">{formatEuros(entry.grossCents, locale, currency)}</span>
            {entry.atcud ? <span className="font-mono">{t("atcud", { atcud: entry.atcud })}</span> : null}
            {entry.credits ? <span>{t("creditsInvoice", { number: entry.credits })}</span> : null}
            {entry.replaces ? <span>{t("replacesInvoice", { number: entry.replaces })}</span> : null}
            <PdfLink documentId={entry.documentId} number={entry.number} />
          </p>
        </>
      );
    case "attached":
      return <p>{t("attached", { type: docTypes(entry.type), number: entry.number })}</p>;
    case "history_note":
      return <p>{entry.number ? t("historyNoteFor", { number: entry.number }) : t("historyNote")}</p>;
    case "email":
      return <p>{t("email", { job: job(entry.job) })}</p>;
    case "user": {
      const key = entry.action.replace(".", "_") as UserKey;
      return (
        <p>
          {t(`user.${key}`, { actor: entry.actor ?? t("system") })}
          {entry.summary ? <span className="ml-1.5 font-mono text-xs text-zinc-600">{entry.summary}</span> : null}
        </p>
      );
    }
  }
}

/** The order's history as one list, oldest first, in Lisbon time. */
export function OrderTimeline({ entries, currency }: { entries: TimelineEntry[]; currency: string }) {
  const t = useTranslations("timeline");
  const locale = useLocale();
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      {entries.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ol className="space-y-3 px-4 py-3 text-sm" aria-label={t("title")}>
          {entries.map((entry, index) => (
            <li key={index} className="flex gap-3" data-testid="timeline-entry" data-kind={entry.kind}>
              <span className={`mt-1.5 size-2 shrink-0 rounded-full ${tone(entry)}`} aria-hidden />
              <div className="min-w-0 flex-1 space-y-1">
                <time dateTime={entry.at.toISOString()} className="block text-xs text-zinc-500 tabular-nums">
                  {formatTimestamp(entry.at, locale)}
                </time>
                <EntryText entry={entry} currency={currency} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
