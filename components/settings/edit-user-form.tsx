"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormSubmitRow } from "@/components/forms/form-status";
import { onSubmitTo } from "@/components/forms/on-submit";
import { useFormMessages } from "@/components/forms/use-form-messages";
import { buttonClass } from "@/components/ui/button";
import { updateUserAccess } from "@/lib/actions/users";
import type { Role } from "@/lib/generated/prisma/enums";
import { type StoreOption, UserAccessFields } from "./user-access-fields";

export function EditUserForm({
  user,
  stores,
}: {
  user: { id: string; role: Role; allStores: boolean; storeIds: string[] };
  stores: StoreOption[];
}) {
  const t = useTranslations("settings.users");
  const [state, action, isPending] = useActionState(updateUserAccess.bind(null, user.id), null);
  const { field, form, saved } = useFormMessages(state);
  return (
    <form onSubmit={onSubmitTo(action)} className="grid gap-4 px-4 py-4 sm:grid-cols-3" aria-label={t("editAccess")}>
      <UserAccessFields
        idPrefix={`edit-${user.id}`}
        stores={stores}
        role={user.role}
        allStores={user.allStores}
        storeIds={user.storeIds}
        errors={field}
      />
      <FormSubmitRow label={t("saveAccess")} error={form} saved={saved} isPending={isPending}>
        <Link href="/settings" className={buttonClass("ghost")}>
          {t("close")}
        </Link>
      </FormSubmitRow>
    </form>
  );
}
