"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { onSubmitTo } from "@/components/forms/on-submit";
import { useFormMessages } from "@/components/forms/use-form-messages";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { updateStoreSettings } from "@/lib/actions/stores";
import type { StoreDetail } from "@/lib/data/stores";

export function StoreSettingsForm({ store }: { store: StoreDetail }) {
  const t = useTranslations("store");
  const [state, action, isPending] = useActionState(updateStoreSettings.bind(null, store.id), null);
  const { field, form, saved } = useFormMessages(state, "storeSettingsErrors");

  return (
    <form onSubmit={onSubmitTo(action)} className="space-y-6 px-4 py-4" aria-label={t("settings")}>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <Checkbox name="enabled" defaultChecked={store.enabled} label={t("fields.enabled")} hint={t("hints.enabled")} />
        <Checkbox
          name="testMode"
          defaultChecked={store.testMode}
          label={t("fields.testMode")}
          hint={t("hints.testMode")}
        />
        <Checkbox name="oss" defaultChecked={store.oss} label={t("fields.oss")} hint={t("hints.oss")} />
        <Checkbox
          name="autoCreditNote"
          defaultChecked={store.autoCreditNote}
          label={t("fields.autoCreditNote")}
          hint={t("hints.autoCreditNote")}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <Field label={t("fields.documentType")} htmlFor="documentType" error={field("documentType")}>
          <Select id="documentType" name="documentType" defaultValue={store.documentType === "FT" ? "FT" : "FR"}>
            <option value="FR">{t("documentTypes.FR")}</option>
            <option value="FT">{t("documentTypes.FT")}</option>
          </Select>
        </Field>
        <Field label={t("fields.vendusRegisterId")} htmlFor="vendusRegisterId" error={field("vendusRegisterId")}>
          <Input
            id="vendusRegisterId"
            name="vendusRegisterId"
            inputMode="numeric"
            defaultValue={store.vendusRegisterId ?? ""}
          />
        </Field>
        <Field
          label={t("fields.vendusPaymentMethodId")}
          htmlFor="vendusPaymentMethodId"
          error={field("vendusPaymentMethodId")}
        >
          <Input
            id="vendusPaymentMethodId"
            name="vendusPaymentMethodId"
            inputMode="numeric"
            defaultValue={store.vendusPaymentMethodId ?? ""}
          />
        </Field>
        <Field
          label={t("fields.defaultVatRate")}
          htmlFor="defaultVatRate"
          error={field("defaultVatRate")}
          hint={t("hints.defaultVatRate")}
        >
          <Input
            id="defaultVatRate"
            name="defaultVatRate"
            inputMode="decimal"
            defaultValue={String(store.defaultVatRate)}
          />
        </Field>
        <Field
          label={t("fields.exemptionCode")}
          htmlFor="exemptionCode"
          error={field("exemptionCode")}
          hint={t("hints.exemptionCode")}
        >
          <Input id="exemptionCode" name="exemptionCode" placeholder="M10" defaultValue={store.exemptionCode ?? ""} />
        </Field>
        <Field label={t("fields.exemptionLaw")} htmlFor="exemptionLaw" error={field("exemptionLaw")}>
          <Input
            id="exemptionLaw"
            name="exemptionLaw"
            placeholder="Artigo 53.º do CIVA"
            defaultValue={store.exemptionLaw ?? ""}
          />
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("fields.invalidNifPolicy")}
          htmlFor="invalidNifPolicy"
          error={field("invalidNifPolicy")}
          hint={t("hints.invalidNifPolicy")}
        >
          <Select id="invalidNifPolicy" name="invalidNifPolicy" defaultValue={store.invalidNifPolicy}>
            <option value="refuse">{t("nifPolicies.refuse")}</option>
            <option value="consumidor_final">{t("nifPolicies.consumidor_final")}</option>
          </Select>
        </Field>
        <Field
          label={t("fields.invalidVatNumberPolicy")}
          htmlFor="invalidVatNumberPolicy"
          error={field("invalidVatNumberPolicy")}
          hint={t("hints.invalidVatNumberPolicy")}
        >
          <Select id="invalidVatNumberPolicy" name="invalidVatNumberPolicy" defaultValue={store.invalidVatNumberPolicy}>
            <option value="refuse">{t("vatNumberPolicies.refuse")}</option>
            <option value="consumer">{t("vatNumberPolicies.consumer")}</option>
          </Select>
        </Field>
        <Field
          label={t("fields.shippingVat")}
          htmlFor="shippingVat"
          error={field("shippingVat")}
          hint={t("hints.shippingVat")}
        >
          <Select id="shippingVat" name="shippingVat" defaultValue={store.shippingVat}>
            <option value="as_charged">{t("shippingVatModes.as_charged")}</option>
            <option value="follow_goods">{t("shippingVatModes.follow_goods")}</option>
          </Select>
        </Field>
        <Checkbox
          name="viesCheck"
          defaultChecked={store.viesCheck}
          label={t("fields.viesCheck")}
          hint={t("hints.viesCheck")}
        />
        <Field
          label={t("fields.notificationEmails")}
          htmlFor="notificationEmails"
          error={field("notificationEmails")}
          hint={t("hints.notificationEmails")}
        >
          <Input id="notificationEmails" name="notificationEmails" defaultValue={store.notificationEmails.join(", ")} />
        </Field>
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
