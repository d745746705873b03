"use client";
// "Ready to invoice?": the last readiness check of the store, and a button that runs it again against Vendus
// and Jumpseller. Each item says what was found; each problem says how to fix it.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { checkStoreConnection } from "@/lib/actions/readiness";
import { formatDateTime } from "@/lib/format";
import type { Readiness, ReadinessStatus } from "@/lib/readiness/evaluate";

const marks: Record<ReadinessStatus, { mark: string; className: string }> = {
  ok: { mark: "✓", className: "text-emerald-700" },
  warn: { mark: "!", className: "text-amber-700" },
  fail: { mark: "✗", className: "text-red-700" },
};

export function ReadinessVerdict({ readiness }: { readiness: Readiness | null }) {
  const t = useTranslations("readiness");
  if (!readiness) return <Badge tone="neutral">{t("notChecked")}</Badge>;
  return readiness.ready ? <Badge tone="green">{t("ready")}</Badge> : <Badge tone="red">{t("notReady")}</Badge>;
}

export function ReadinessCard({ storeId, initial }: { storeId: string; initial: Readiness | null }) {
  const t = useTranslations("readiness");
  const locale = useLocale();
  const [readiness, setReadiness] = useState(initial);
  const [failed, setFailed] = useState(false);
  const [isPending, startTransition] = useTransition();

  const check = () =>
    startTransition(async () => {
      const result = await checkStoreConnection(storeId).catch(() => null);
      if (result && "ok" in result) setReadiness(result.readiness);
      setFailed(!(result && "ok" in result));
    });

  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={readiness ? t("checkedAt", { at: formatDateTime(readiness.checkedAt, locale) }) : t("description")}
        actions={
          <Button onClick={check} disabled={isPending} size="sm">
            {isPending ? t("checking") : t("check")}
          </Button>
        }
      />
      <div className="space-y-3 px-4 py-3 text-sm" aria-live="polite" data-testid="readiness">
        <ReadinessVerdict readiness={readiness} />
        {failed ? (
          <p role="alert" className="text-xs font-medium text-red-700">
            {t("failed")}
          </p>
        ) : null}
        {readiness ? (
          <ul className="space-y-2">
            {readiness.items.map((item) => (
              <li key={item.code} className="flex gap-2">
                <span aria-hidden className={`font-semibold ${marks[item.status].className}`}>
                  {marks[item.status].mark}
                </span>
                <div>
                  <p className={item.status === "ok" ? "text-zinc-700" : "font-medium text-zinc-900"}>
                    {t(`items.${item.code}`, item.params ?? {})}
                  </p>
                  {item.status !== "ok" && t.has(`fixes.${item.code}`) ? (
                    <p className="text-xs text-zinc-600">
                      {t("fix")}: {t(`fixes.${item.code}`, item.params ?? {})}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
}
