"use client";
import { useTranslations } from "next-intl";

/** The message for an action's error code; codes without one of their own read as a generic failure. */
export function useActionError() {
  const t = useTranslations("actions.errors");
  return (code: string) => (t.has(code) ? t(code) : t("unknown"));
}
