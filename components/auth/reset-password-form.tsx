"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { onSubmitTo } from "@/components/forms/on-submit";
import { useFormMessages } from "@/components/forms/use-form-messages";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { resetPassword } from "@/lib/actions/password-reset";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const [state, action, isPending] = useActionState(resetPassword, null);
  const { field, form } = useFormMessages(state);
  return (
    <form onSubmit={onSubmitTo(action)} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label={t("newPassword")} htmlFor="password" hint={t("hint")} error={field("password")}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required autoFocus />
      </Field>
      <Field label={t("confirm")} htmlFor="confirm" error={field("confirm")}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <FormError>{form}</FormError>
      <Button type="submit" variant="primary" className="w-full" disabled={isPending}>
        {t("save")}
      </Button>
    </form>
  );
}
