"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "./button";

/** The body of every error.tsx: an outage is shown as an outage, never as an empty list. */
export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50/60 px-6 py-10 text-center">
      <p className="text-sm font-semibold text-red-800">{t("title")}</p>
      <p className="mx-auto mt-1 max-w-md text-sm text-red-700">{t("description")}</p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-red-600/80">{t("reference", { digest: error.digest })}</p>
      ) : null}
      <Button variant="secondary" className="mt-4" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
