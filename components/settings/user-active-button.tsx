"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { setUserActive } from "@/lib/actions/users";

export function UserActiveButton({ userId, active }: { userId: string; active: boolean }) {
  const t = useTranslations("settings.users");
  const errors = useTranslations("formErrors.action");
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
      <Button
        size="sm"
        variant={active ? "danger" : "secondary"}
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await setUserActive(userId, !active);
            setError(result && "error" in result ? errors(result.error) : null);
          })
        }
      >
        {active ? t("deactivate") : t("reactivate")}
      </Button>
    </span>
  );
}
