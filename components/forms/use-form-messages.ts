"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";

/** Turns an action's error codes into translated messages; unknown codes fall back to a generic one. */
export function useFormMessages(state: ActionResult) {
  const t = useTranslations("formErrors");
  const field = (name: string): string | undefined => {
    const code = state && "fields" in state ? state.fields?.[name] : undefined;
    if (!code) return undefined;
    return t.has(code) ? t(code) : t("invalid");
  };
  const form = state && "error" in state && state.error !== "invalid" ? t(`action.${state.error}`) : undefined;
  const saved = Boolean(state && "ok" in state);
  return { field, form, saved };
}
