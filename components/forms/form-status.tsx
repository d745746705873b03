"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

export function FormStatus({
  error,
  saved,
  isPending,
  savedLabel,
}: {
  error?: string;
  saved: boolean;
  isPending: boolean;
  savedLabel?: string;
}) {
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
        {savedLabel ?? t("saved")}
      </span>
    );
  return null;
}

/** The last row of a settings form: what happened to the last submission, then the submit button. */
export function FormSubmitRow({
  label,
  savedLabel,
  children,
  ...status
}: {
  label: string;
  error?: string;
  saved: boolean;
  isPending: boolean;
  /** Said instead of "Saved" when the form has just been submitted successfully. */
  savedLabel?: string;
  /** Shown between the status and the submit button (e.g. a close link). */
  children?: ReactNode;
}) {
  return (
    <div className="flex items-center justify-end gap-3 sm:col-span-3">
      <FormStatus {...status} savedLabel={savedLabel} />
      {children}
      <Button type="submit" variant="primary" disabled={status.isPending}>
        {label}
      </Button>
    </div>
  );
}
