"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { onSubmitTo } from "@/components/forms/on-submit";
import { Button } from "@/components/ui/button";
import { StoreSwitches } from "@/components/stores/store-switches";
import { SelectField } from "@/components/ui/field";
import { finishStoreSetupAction } from "@/lib/actions/connect";
import type { ConnectStore } from "@/lib/connect/data";
import type { SetupOptions } from "@/lib/connect/vendus-key";
import { REGION_RATES } from "@/lib/invoicing/vat";
import { useConnectMessages } from "./use-connect-messages";

export function StoreSetupForm({ store, options }: { store: ConnectStore; options: SetupOptions }) {
  const t = useTranslations("connect");
  const [state, action, isPending] = useActionState(finishStoreSetupAction.bind(null, store.id), null);
  const { field, form } = useConnectMessages(state);
  const [documentType, setDocumentType] = useState(store.documentType === "FT" ? "FT" : "FR");
  const rates = Object.values(REGION_RATES[options.region]);
  const defaultRate = rates.includes(store.defaultVatRate) ? store.defaultVatRate : rates[0];
  // A register already chosen stays selected; otherwise the first one whose mode matches test mode.
  const defaultRegister =
    options.registers.find((r) => r.id === store.vendusRegisterId) ??
    options.registers.find((r) => r.mode === (store.testMode ? "tests" : "normal")) ??
    options.registers[0];
  return (
    <form onSubmit={onSubmitTo(action)} className="space-y-6 px-4 py-4" aria-label={t("setup.title")}>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="vendusRegisterId"
          label={t("setup.register")}
          error={field("vendusRegisterId")}
          hint={t("setup.registerHint")}
          defaultValue={defaultRegister?.id ?? ""}
          required
        >
          {options.registers.map((r) => (
            <option key={r.id} value={r.id}>
              {t("setup.registerOption", {
                title: r.title,
                id: r.id,
                type: r.mode ? `${r.type}, ${r.mode}` : r.type,
              })}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="defaultVatRate"
          label={t("setup.vat")}
          error={field("defaultVatRate")}
          hint={t("setup.vatHint")}
          defaultValue={defaultRate}
        >
          {rates.map((rate) => (
            <option key={rate} value={rate}>
              {rate} %
            </option>
          ))}
        </SelectField>
        <SelectField
          name="documentType"
          label={t("setup.documentType")}
          error={field("documentType")}
          value={documentType}
          onChange={(e) => setDocumentType(e.target.value)}
        >
          <option value="FR">{t("documentTypes.FR")}</option>
          <option value="FT">{t("documentTypes.FT")}</option>
        </SelectField>
        {documentType === "FR" ? (
          <SelectField
            name="vendusPaymentMethodId"
            label={t("setup.paymentMethod")}
            error={field("vendusPaymentMethodId")}
            hint={t("setup.paymentMethodHint")}
            defaultValue={store.vendusPaymentMethodId ?? ""}
            required
          >
            <option value="">{t("setup.choose")}</option>
            {options.paymentMethods.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} ({m.type})
              </option>
            ))}
          </SelectField>
        ) : null}
      </fieldset>

      <StoreSwitches
        className="sm:grid-cols-3"
        switches={["oss", "testMode", "enabled"]}
        checked={{ oss: store.oss, testMode: store.testMode, enabled: true }}
        words={(name) => ({ label: t(`setup.${name}`), hint: t(`setup.${name}Hint`) })}
      />

      <div className="flex items-center justify-end gap-3 border-t border-zinc-100 pt-4">
        {form && !isPending ? (
          <span role="alert" className="text-xs font-medium text-red-700">
            {form}
          </span>
        ) : null}
        <Button type="submit" variant="primary" disabled={isPending}>
          {t("setup.submit")}
        </Button>
      </div>
    </form>
  );
}
