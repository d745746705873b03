"use client";
import { useTranslations } from "next-intl";

export function FormStatus({ error, saved, isPending }: { error?: string; saved: boolean; isPending: boolean }) {
  const t = useTranslations("common");
  if (isPending) return <span className="text-xs text-zinc-500">{t("saving")}</span>;
  if (error)
    return (
      <span role="alert" className="text-xs font-medium text-red-700">
        {error}
      </span>
    );
  if (saved)
    return (
      <span role="status" className="text-xs font-medium text-emerald-700">
        {t("saved")}
      </span>
    );
  return null;
}
