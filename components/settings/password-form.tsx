"use client";
import { useTranslations } from "next-intl";
import { FormSubmitRow } from "@/components/forms/form-status";
import { useResetOnSave } from "@/components/forms/use-reset-on-save";
import { Field, Input } from "@/components/ui/field";
import { changePassword } from "@/lib/actions/profile";

/** The user's own password. Saving it signs the user out everywhere else. */
export function PasswordForm() {
  const t = useTranslations("settings.password");
  const { field, form, saved, isPending, formProps } = useResetOnSave(changePassword);
  return (
    <form {...formProps} className="grid gap-4 px-4 py-4 sm:grid-cols-3" aria-label={t("title")}>
      <Field label={t("current")} htmlFor="current-password" error={field("currentPassword")}>
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label={t("new")} htmlFor="new-password" hint={t("hint")} error={field("password")}>
        <Input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <Field label={t("confirm")} htmlFor="confirm-password" error={field("confirm")}>
        <Input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <FormSubmitRow label={t("save")} savedLabel={t("changed")} error={form} saved={saved} isPending={isPending} />
    </form>
  );
}
