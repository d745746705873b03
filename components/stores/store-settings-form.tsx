"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { onSubmitTo } from "@/components/forms/on-submit";
import { useFormMessages } from "@/components/forms/use-form-messages";
import { Button } from "@/components/ui/button";
import { StoreSwitches } from "@/components/stores/store-switches";
import { Checkbox, InputField, SelectField } from "@/components/ui/field";
import { updateStoreSettings } from "@/lib/actions/stores";
import type { StoreDetail } from "@/lib/data/stores";

export function StoreSettingsForm({ store }: { store: StoreDetail }) {
  const t = useTranslations("store");
  const [state, action, isPending] = useActionState(updateStoreSettings.bind(null, store.id), null);
  const { field, form, saved } = useFormMessages(state, "storeSettingsErrors");

  return (
    <form onSubmit={onSubmitTo(action)} className="space-y-6 px-4 py-4" aria-label={t("settings")}>
      <StoreSwitches
        className="sm:grid-cols-2"
        switches={["enabled", "testMode", "oss", "autoCreditNote"]}
        checked={store}
        words={(name) => ({ label: t(`fields.${name}`), hint: t(`hints.${name}`) })}
      />

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="documentType"
          label={t("fields.documentType")}
          error={field("documentType")}
          defaultValue={store.documentType === "FT" ? "FT" : "FR"}
        >
          <option value="FR">{t("documentTypes.FR")}</option>
          <option value="FT">{t("documentTypes.FT")}</option>
        </SelectField>
        <InputField
          name="vendusRegisterId"
          label={t("fields.vendusRegisterId")}
          error={field("vendusRegisterId")}
          inputMode="numeric"
          defaultValue={store.vendusRegisterId ?? ""}
        />
        <InputField
          name="vendusPaymentMethodId"
          label={t("fields.vendusPaymentMethodId")}
          error={field("vendusPaymentMethodId")}
          inputMode="numeric"
          defaultValue={store.vendusPaymentMethodId ?? ""}
        />
        <InputField
          name="defaultVatRate"
          label={t("fields.defaultVatRate")}
          error={field("defaultVatRate")}
          hint={t("hints.defaultVatRate")}
          inputMode="decimal"
          defaultValue={String(store.defaultVatRate)}
        />
        <InputField
          name="exemptionCode"
          label={t("fields.exemptionCode")}
          error={field("exemptionCode")}
          hint={t("hints.exemptionCode")}
          placeholder="M10"
          defaultValue={store.exemptionCode ?? ""}
        />
        <InputField
          name="exemptionLaw"
          label={t("fields.exemptionLaw")}
          error={field("exemptionLaw")}
          placeholder="Artigo 53.º do CIVA"
          defaultValue={store.exemptionLaw ?? ""}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="invalidNifPolicy"
          label={t("fields.invalidNifPolicy")}
          error={field("invalidNifPolicy")}
          hint={t("hints.invalidNifPolicy")}
          defaultValue={store.invalidNifPolicy}
        >
          <option value="refuse">{t("nifPolicies.refuse")}</option>
          <option value="consumidor_final">{t("nifPolicies.consumidor_final")}</option>
        </SelectField>
        <SelectField
          name="invalidVatNumberPolicy"
          label={t("fields.invalidVatNumberPolicy")}
          error={field("invalidVatNumberPolicy")}
          hint={t("hints.invalidVatNumberPolicy")}
          defaultValue={store.invalidVatNumberPolicy}
        >
          <option value="refuse">{t("vatNumberPolicies.refuse")}</option>
          <option value="consumer">{t("vatNumberPolicies.consumer")}</option>
        </SelectField>
        <SelectField
          name="shippingVat"
          label={t("fields.shippingVat")}
          error={field("shippingVat")}
          hint={t("hints.shippingVat")}
          defaultValue={store.shippingVat}
        >
          <option value="as_charged">{t("shippingVatModes.as_charged")}</option>
          <option value="follow_goods">{t("shippingVatModes.follow_goods")}</option>
        </SelectField>
        <Checkbox
          name="viesCheck"
          defaultChecked={store.viesCheck}
          label={t("fields.viesCheck")}
          hint={t("hints.viesCheck")}
        />
        <InputField
          name="notificationEmails"
          label={t("fields.notificationEmails")}
          error={field("notificationEmails")}
          hint={t("hints.notificationEmails")}
          defaultValue={store.notificationEmails.join(", ")}
        />
      </fieldset>

      <div className="flex items-center justify-end gap-3 border-t border-zinc-100 pt-4">
        <FormStatus
          error={form ?? (state && "error" in state ? t("fixErrors") : undefined)}
          saved={saved}
          isPending={isPending}
        />
        <Button type="submit" variant="primary" disabled={isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
