"use client";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/actions/error-message";
import type { ConnectActionError } from "@/lib/actions/connect";

/** An action's error codes as translated messages: one for the form, one per field. */
export function useConnectMessages(state: ConnectActionError | { ok: true } | null) {
  const t = useTranslations("connect");
  const errorMessage = useErrorMessage("connect.errors");
  // Settings fields are refused by the store-settings model, in the words the settings form and the CLI use.
  const settings = useTranslations("storeSettingsErrors");
  const failed = state && "error" in state ? state : null;
  const field = (name: string): string | undefined => {
    const code = failed?.fields?.[name];
    if (!code) return undefined;
    if (settings.has(code)) return settings(code);
    return t.has(`fieldErrors.${code}`) ? t(`fieldErrors.${code}`) : t("fieldErrors.invalid");
  };
  const form = failed ? errorMessage(failed.error) : undefined;
  return { field, form };
}
