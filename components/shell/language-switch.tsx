"use client";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { switchLocale } from "@/lib/actions/profile";
import { locales } from "@/i18n/config";

const short: Record<(typeof locales)[number], string> = { "pt-PT": "PT", en: "EN" };

export function LanguageSwitch() {
  const t = useTranslations("header");
  const current = useLocale();
  const [isPending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("language")}
      className="inline-flex rounded-md bg-zinc-100 p-0.5 text-xs font-medium"
    >
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          title={t(`languages.${locale}`)}
          disabled={isPending}
          onClick={() => startTransition(async () => void (await switchLocale(locale)))}
          className={cn(
            "rounded px-2 py-0.5 transition-colors",
            current === locale ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-500 hover:text-zinc-800",
          )}
        >
          {short[locale]}
        </button>
      ))}
    </div>
  );
}
