"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { onSubmitTo } from "@/components/forms/on-submit";
import { useFormMessages } from "@/components/forms/use-form-messages";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { createUserAccount } from "@/lib/actions/users";
import { type StoreOption, UserAccessFields } from "./user-access-fields";

export function CreateUserForm({ stores }: { stores: StoreOption[] }) {
  const t = useTranslations("settings.users");
  const [state, action, isPending] = useActionState(createUserAccount, null);
  const { field, form, saved } = useFormMessages(state);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (saved) ref.current?.reset();
  }, [saved, state]);

  return (
    <form ref={ref} onSubmit={onSubmitTo(action)} className="grid gap-4 px-4 py-4 sm:grid-cols-3" aria-label={t("create")}>
      <Field label={t("name")} htmlFor="new-name" error={field("name")}>
        <Input id="new-name" name="name" required maxLength={120} />
      </Field>
      <Field label={t("email")} htmlFor="new-email" error={field("email")}>
        <Input id="new-email" name="email" type="email" required autoComplete="off" />
      </Field>
      <Field label={t("password")} htmlFor="new-password" error={field("password")} hint={t("passwordHint")}>
        <Input id="new-password" name="password" type="password" required minLength={10} autoComplete="new-password" />
      </Field>
      <UserAccessFields idPrefix="new" stores={stores} errors={field} />
      <div className="flex items-center justify-end gap-3 sm:col-span-3">
        <FormStatus error={form} saved={saved} isPending={isPending} />
        <Button type="submit" variant="primary" disabled={isPending}>
          {t("createSubmit")}
        </Button>
      </div>
    </form>
  );
}
