"use client";
// "SAF-T of every store (ZIP)": asks for the month's SAF-T of every visible store, built in the background.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionStatus, type ActionStatusMessage } from "@/components/actions/action-status";
import { useActionError } from "@/components/actions/use-action-messages";
import { Button } from "@/components/ui/button";
import { exportSaftZip } from "@/lib/actions/month-close";

export function SaftZipButton({ month, disabled }: { month: string; disabled: boolean }) {
  const t = useTranslations("monthClose.saftZip");
  const errorText = useActionError();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionStatusMessage>(null);

  function request() {
    setMessage(null);
    startTransition(async () => {
      const result = await exportSaftZip(month);
      if ("error" in result)
        setMessage({ tone: "error", text: t.has(result.error) ? t(result.error) : errorText(result.error) });
      else setMessage({ tone: "success", text: t("requested", { count: result.stores }) });
    });
  }

  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <Button onClick={request} disabled={isPending || disabled}>
        {isPending ? t("pending") : t("button")}
      </Button>
      <ActionStatus message={message} />
    </span>
  );
}
