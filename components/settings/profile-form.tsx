"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormSubmitRow } from "@/components/forms/form-status";
import { onSubmitTo } from "@/components/forms/on-submit";
import { useFormMessages } from "@/components/forms/use-form-messages";
import { Field, Input, Select } from "@/components/ui/field";
import { locales } from "@/i18n/config";
import { updateProfile } from "@/lib/actions/profile";

export function ProfileForm({ name, email, locale }: { name: string; email: string; locale: string }) {
  const t = useTranslations("settings.profile");
  const languages = useTranslations("header.languages");
  const [state, action, isPending] = useActionState(updateProfile, null);
  const { field, form, saved } = useFormMessages(state);
  return (
    <form onSubmit={onSubmitTo(action)} className="grid gap-4 px-4 py-4 sm:grid-cols-3" aria-label={t("title")}>
      <Field label={t("name")} htmlFor="profile-name" error={field("name")}>
        <Input id="profile-name" name="name" defaultValue={name} required maxLength={120} />
      </Field>
      <Field label={t("email")} htmlFor="profile-email" hint={t("emailHint")}>
        <Input id="profile-email" value={email} disabled readOnly />
      </Field>
      <Field label={t("language")} htmlFor="profile-locale" error={field("locale")}>
        <Select id="profile-locale" name="locale" defaultValue={locale}>
          {locales.map((l) => (
            <option key={l} value={l}>
              {languages(l)}
            </option>
          ))}
        </Select>
      </Field>
      <FormSubmitRow label={t("save")} error={form} saved={saved} isPending={isPending} />
    </form>
  );
}
