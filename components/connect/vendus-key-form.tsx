"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { VendusKeyState } from "@/lib/actions/connect";
import { useConnectMessages } from "./use-connect-messages";

/**
 * The key is typed into a password field and sent once; the form is reset after every submission (a plain
 * form action), so the key never stays on the page. Only its hint comes back.
 */
export function VendusKeyForm({
  hint,
  state,
  action,
  isPending,
}: {
  hint: string;
  state: VendusKeyState;
  action: (form: FormData) => void;
  isPending: boolean;
}) {
  const t = useTranslations("connect");
  const { field, form } = useConnectMessages(state);
  const accepted = state && "ok" in state ? state : null;
  return (
    <form action={action} className="space-y-4 px-4 py-4" aria-label={t("key.title")}>
      <p className="text-sm text-zinc-600" data-testid="vendus-key-hint">
        {hint ? t("key.current", { hint }) : t("key.none")}
      </p>
      <InputField
        name="apiKey"
        label={t("key.label")}
        error={field("apiKey")}
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        minLength={8}
      />
      <div className="flex items-center justify-end gap-3">
        {isPending ? null : form && !field("apiKey") ? (
          <span role="alert" className="text-xs font-medium text-red-700">
            {form}
          </span>
        ) : accepted ? (
          <span role="status" className="text-xs font-medium text-emerald-700">
            {t("key.accepted", { hint: accepted.hint, region: t(`regions.${accepted.region}`) })}
          </span>
        ) : null}
        <Button type="submit" variant={hint ? "secondary" : "primary"} disabled={isPending} className="shrink-0">
          {t("key.submit")}
        </Button>
      </div>
    </form>
  );
}
