"use client";
// Rebuilds the month's report of one store (or of every visible store) in the background.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionStatus, type ActionStatusMessage } from "@/components/actions/action-status";
import { useActionError } from "@/components/actions/use-action-messages";
import { Button } from "@/components/ui/button";
import { refreshMonthClose } from "@/lib/actions/month-close";

export function RefreshButton({
  month,
  storeId,
  label,
  variant = "secondary",
}: {
  month: string;
  storeId: string | null;
  label: string;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations("monthClose");
  const errorText = useActionError();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionStatusMessage>(null);

  function refresh() {
    setMessage(null);
    startTransition(async () => {
      const result = await refreshMonthClose(month, storeId);
      if ("error" in result) setMessage({ tone: "error", text: errorText(result.error) });
      else if (result.requested > 0) setMessage({ tone: "success", text: t("requested", { count: result.requested }) });
      else setMessage({ tone: "info", text: t("alreadyRunning") });
    });
  }

  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <Button size={storeId ? "sm" : "md"} variant={variant} onClick={refresh} disabled={isPending}>
        {isPending ? t("refreshing") : label}
      </Button>
      <ActionStatus message={message} />
    </span>
  );
}
