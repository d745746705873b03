"use client";
// The grouped failures and their "retry this group" buttons. The outcome of a retry is shown for the whole
// card, since the group it retried leaves the list as soon as the page has refreshed.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionStatus, type ActionStatusMessage } from "@/components/actions/action-status";
import { useActionError } from "@/components/actions/use-action-messages";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { retryFailureGroup, type RetryActionResult } from "@/lib/actions/jobs";

export interface DescribedFailureGroup {
  cause: string;
  count: number;
  label: string;
  hint: string;
  /** Where the setting that fixes this cause is, for a store-level cause on a one-store page. */
  settingsHref: string | null;
  jobsHref: string;
}

export function FailureGroupList({
  groups,
  summary,
  store,
  kind,
  mayRetry,
}: {
  groups: DescribedFailureGroup[];
  summary: string;
  store?: string;
  kind?: string;
  mayRetry: boolean;
}) {
  const t = useTranslations("jobs.groups");
  const bulk = useTranslations("actions.bulk");
  const openSetting = useTranslations("jobErrors")("openSetting");
  const errorText = useActionError();
  const [pendingCause, setPendingCause] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionStatusMessage>(null);

  function describe(result: Exclude<RetryActionResult, null>): ActionStatusMessage {
    if ("error" in result) return { tone: "error", text: errorText(result.error) };
    const waiting = result.retried - result.dispatched;
    const text =
      bulk("done", { retried: result.retried, skipped: result.skipped }) +
      (waiting > 0 ? ` ${bulk("waiting", { count: waiting })}` : "") +
      (result.creditNotesSkipped ? ` ${bulk("creditNotesSkipped", { count: result.creditNotesSkipped })}` : "");
    return { tone: result.retried > 0 ? "success" : "info", text };
  }

  function retry(cause: string) {
    setMessage(null);
    setPendingCause(cause);
    startTransition(async () => {
      const result = await retryFailureGroup({ cause, store, kind });
      setPendingCause(null);
      if (result) setMessage(describe(result));
    });
  }

  if (groups.length === 0 && !message) return null;
  return (
    <Card className="mb-6">
      <CardHeader title={t("title")} description={groups.length > 0 ? summary : null} />
      <div className="px-4 pt-2 empty:hidden">
        <ActionStatus message={message} />
      </div>
      {groups.length > 0 ? (
        <ul className="divide-y divide-zinc-100" aria-label={t("title")}>
          {groups.map((group) => (
            <li
              key={group.cause}
              className="flex flex-wrap items-start justify-between gap-3 px-4 py-3"
              aria-label={group.label}
            >
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex items-center gap-2 text-sm font-medium text-zinc-900">
                  {group.label}
                  <Badge tone="red">{t("count", { count: group.count })}</Badge>
                </p>
                <p className="text-xs text-zinc-600">{group.hint}</p>
                <p className="flex flex-wrap gap-3 text-xs">
                  <Link href={group.jobsHref} className="font-medium text-teal-700 hover:underline">
                    {t("show")}
                  </Link>
                  {group.settingsHref ? (
                    <Link href={group.settingsHref} className="font-medium text-teal-700 hover:underline">
                      {openSetting}
                    </Link>
                  ) : null}
                </p>
              </div>
              {mayRetry ? (
                <Button
                  size="sm"
                  onClick={() => retry(group.cause)}
                  disabled={isPending}
                  aria-label={t("retryLabel", { count: group.count, cause: group.label })}
                >
                  {pendingCause === group.cause ? t("pending") : t("retry")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
