import Link from "next/link";
import { useTranslations } from "next-intl";
import { ErrorKindBadge } from "@/components/status-badges";
import type { ErrorKind } from "@/lib/generated/prisma/enums";
import { readJobErrorParams } from "@/lib/jobs/error-codes";
import { describeJobError, type MessageLookup } from "@/lib/jobs/error-messages";

export interface JobErrorValues {
  lastErrorKind: ErrorKind | null;
  lastErrorCode: string | null;
  lastErrorParams: unknown;
  lastErrorMessage: string | null;
}

/**
 * A job's last error in the reader's language: its class, the cause, what to do (with a link to the store
 * setting for a cause that is the store's), and the stored original text one click away. A row stored
 * without a known code shows that text.
 */
export function JobError({ error, storeId }: { error: JobErrorValues; storeId?: string }) {
  const t = useTranslations() as unknown as MessageLookup;
  const labels = useTranslations("jobErrors");
  const { lastErrorKind: kind, lastErrorCode: code, lastErrorMessage: stored } = error;
  if (!kind && !stored) return <span className="text-zinc-400">—</span>;
  const described = describeJobError({ code, params: error.lastErrorParams, message: stored }, t);
  const params = readJobErrorParams(error.lastErrorParams);
  const more = typeof params.more === "number" ? params.more : 0;
  const technical = [code, params.serviceCode, params.status ? `HTTP ${params.status}` : null].filter(Boolean);

  if (!described) {
    return (
      <div className="max-w-md space-y-1">
        <div className="flex items-center gap-1.5">
          {kind ? <ErrorKindBadge kind={kind} /> : null}
          {code ? <span className="font-mono text-xs text-zinc-500">{code}</span> : null}
        </div>
        {stored ? <p className="text-xs text-zinc-700">{stored}</p> : null}
      </div>
    );
  }
  return (
    <div className="max-w-md space-y-1" data-error-code={described.code}>
      <div className="flex flex-wrap items-center gap-1.5">
        {kind ? <ErrorKindBadge kind={kind} /> : null}
        <span className="text-xs font-medium text-zinc-900">{described.label}</span>
      </div>
      <p className="text-xs text-zinc-700">
        {described.message ?? stored}
        {more > 0 ? ` ${labels("more", { count: more })}` : null}
      </p>
      <p className="text-xs text-zinc-500">{described.hint}</p>
      {described.settingsField && storeId ? (
        <Link
          href={`/stores/${storeId}#${described.settingsField}`}
          className="inline-block text-xs font-medium text-teal-700 hover:underline"
        >
          {labels("openSetting")}
        </Link>
      ) : null}
      {stored ? (
        <details className="text-xs text-zinc-500">
          <summary className="cursor-pointer select-none">{labels("detail")}</summary>
          <p className="mt-1 font-mono">{technical.join(" · ")}</p>
          <p className="mt-1 break-words whitespace-pre-wrap">{stored}</p>
        </details>
      ) : null}
    </div>
  );
}
