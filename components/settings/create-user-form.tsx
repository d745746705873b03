"use client";
import { useTranslations } from "next-intl";
import { FormSubmitRow } from "@/components/forms/form-status";
import { useResetOnSave } from "@/components/forms/use-reset-on-save";
import { Field, Input } from "@/components/ui/field";
import { createUserAccount } from "@/lib/actions/users";
import { type StoreOption, UserAccessFields } from "./user-access-fields";

export function CreateUserForm({ stores }: { stores: StoreOption[] }) {
  const t = useTranslations("settings.users");
  const { field, form, saved, isPending, formProps } = useResetOnSave(createUserAccount);
  return (
    <form {...formProps} className="grid gap-4 px-4 py-4 sm:grid-cols-3" aria-label={t("create")}>
      <Field label={t("name")} htmlFor="new-name" error={field("name")}>
        <Input id="new-name" name="name" required maxLength={120} />
      </Field>
      <Field label={t("email")} htmlFor="new-email" error={field("email")}>
        <Input id="new-email" name="email" type="email" required autoComplete="off" />
      </Field>
      <Field label={t("password")} htmlFor="new-user-password" error={field("password")} hint={t("passwordHint")}>
        <Input
          id="new-user-password"
          name="password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
        />
      </Field>
      <UserAccessFields idPrefix="new" stores={stores} errors={field} />
      <FormSubmitRow label={t("createSubmit")} error={form} saved={saved} isPending={isPending} />
    </form>
  );
}
