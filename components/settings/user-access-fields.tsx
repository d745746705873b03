"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Checkbox, Field, Select } from "@/components/ui/field";
import type { Role } from "@/lib/generated/prisma/enums";

export interface StoreOption {
  id: string;
  name: string;
}

/** Role and store access: admins see everything; accountants all stores or a list; merchants a list. */
export function UserAccessFields({
  idPrefix,
  stores,
  role: initialRole = "merchant",
  allStores: initialAll = false,
  storeIds = [],
  errors,
}: {
  idPrefix: string;
  stores: StoreOption[];
  role?: Role;
  allStores?: boolean;
  storeIds?: string[];
  errors: (field: string) => string | undefined;
}) {
  const t = useTranslations("settings.users");
  const roles = useTranslations("roles");
  const [role, setRole] = useState<Role>(initialRole);
  const [allStores, setAllStores] = useState(initialAll);
  const listVisible = role === "merchant" || (role === "accountant" && !allStores);
  return (
    <>
      <Field label={t("role")} htmlFor={`${idPrefix}-role`} error={errors("role")}>
        <Select id={`${idPrefix}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {(["merchant", "accountant", "admin"] as const).map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2">
        {role === "admin" ? <p className="pt-5 text-xs text-zinc-500">{t("adminSeesAll")}</p> : null}
        {role === "accountant" ? (
          <div className="pt-5">
            <Checkbox
              name="allStores"
              checked={allStores}
              onChange={(e) => setAllStores(e.target.checked)}
              label={t("allStores")}
              hint={t("allStoresHint")}
            />
          </div>
        ) : null}
      </div>
      {listVisible ? (
        <fieldset className="sm:col-span-3">
          <legend className="mb-1.5 text-xs font-medium text-zinc-700">{t("stores")}</legend>
          <div className="grid gap-2 rounded-md border border-zinc-200 p-3 sm:grid-cols-3">
            {stores.map((store) => (
              <Checkbox
                key={store.id}
                name="storeIds"
                value={store.id}
                defaultChecked={storeIds.includes(store.id)}
                label={store.name}
              />
            ))}
          </div>
          {errors("storeIds") ? <p className="mt-1 text-xs text-red-700">{errors("storeIds")}</p> : null}
        </fieldset>
      ) : null}
    </>
  );
}
