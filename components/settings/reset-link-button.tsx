"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { sendPasswordResetLink } from "@/lib/actions/users";

/** An admin e-mails a user a link to set their password. */
export function ResetLinkButton({ userId }: { userId: string }) {
  const t = useTranslations("settings.users");
  const errors = useTranslations("formErrors.action");
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      {message ? (
        <span
          role={message.ok ? "status" : "alert"}
          className={message.ok ? "text-xs text-emerald-700" : "text-xs text-red-700"}
        >
          {message.text}
        </span>
      ) : null}
      <Button
        size="sm"
        variant="secondary"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await sendPasswordResetLink(userId);
            setMessage(
              result && "error" in result
                ? { ok: false, text: errors(result.error) }
                : { ok: true, text: t("resetLinkSent") },
            );
          })
        }
      >
        {t("sendResetLink")}
      </Button>
    </span>
  );
}
