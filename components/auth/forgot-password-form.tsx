"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { onSubmitTo } from "@/components/forms/on-submit";
import { useFormMessages } from "@/components/forms/use-form-messages";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { requestPasswordReset } from "@/lib/actions/password-reset";

export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const [state, action, isPending] = useActionState(requestPasswordReset, null);
  const { field, form, saved } = useFormMessages(state);
  return (
    <div className="space-y-4">
      {saved ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("sent")}
        </p>
      ) : (
        <form onSubmit={onSubmitTo(action)} className="space-y-4" noValidate>
          <Field label={t("email")} htmlFor="email" error={field("email")}>
            <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
          </Field>
          <FormError>{form}</FormError>
          <Button type="submit" variant="primary" className="w-full" disabled={isPending}>
            {t("send")}
          </Button>
        </form>
      )}
      <p className="text-center text-sm">
        <Link href="/login" className="text-teal-700 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
