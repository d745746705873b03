"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Turns an action's error codes into translated messages; unknown codes fall back to a generic one. Field
 * codes are looked up in `fieldNamespace` first (e.g. "storeSettingsErrors", the words shared with the CLI).
 */
export function useFormMessages(state: ActionResult, fieldNamespace?: "storeSettingsErrors") {
  const t = useTranslations("formErrors");
  const words = useTranslations(fieldNamespace ?? "formErrors");
  const field = (name: string): string | undefined => {
    const code = state && "fields" in state ? state.fields?.[name] : undefined;
    if (!code) return undefined;
    if (words.has(code)) return words(code);
    return t.has(code) ? t(code) : t("invalid");
  };
  const form = state && "error" in state && state.error !== "invalid" ? t(`action.${state.error}`) : undefined;
  const saved = Boolean(state && "ok" in state);
  return { field, form, saved };
}
