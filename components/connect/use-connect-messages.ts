"use client";
import { useTranslations } from "next-intl";
import type { ConnectActionError } from "@/lib/actions/connect";

/** An action's error codes as translated messages: one for the form, one per field. */
export function useConnectMessages(state: ConnectActionError | { ok: true } | null) {
  const t = useTranslations("connect");
  const failed = state && "error" in state ? state : null;
  const field = (name: string): string | undefined => {
    const code = failed?.fields?.[name];
    if (!code) return undefined;
    return t.has(`fieldErrors.${code}`) ? t(`fieldErrors.${code}`) : t("fieldErrors.invalid");
  };
  const form = failed ? (t.has(`errors.${failed.error}`) ? t(`errors.${failed.error}`) : t("errors.unknown")) : undefined;
  return { field, form };
}
