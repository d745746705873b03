import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { StoreDetail } from "@/lib/data/stores";

/** Read-only settings, for users who may see the store but not change it. */
export function StoreSettingsView({ store }: { store: StoreDetail }) {
  const t = useTranslations("store");
  const yes = (value: boolean) => <Badge tone={value ? "green" : "neutral"}>{value ? t("yes") : t("no")}</Badge>;
  // Each row carries its field's id, as the form does: job errors link to the setting that fixes them.
  const rows: [string, string, React.ReactNode][] = [
    ["enabled", t("fields.enabled"), yes(store.enabled)],
    ["testMode", t("fields.testMode"), yes(store.testMode)],
    ["documentType", t("fields.documentType"), t(`documentTypes.${store.documentType}`)],
    ["vendusRegisterId", t("fields.vendusRegisterId"), store.vendusRegisterId ?? "—"],
    ["vendusPaymentMethodId", t("fields.vendusPaymentMethodId"), store.vendusPaymentMethodId ?? "—"],
    ["defaultVatRate", t("fields.defaultVatRate"), `${store.defaultVatRate} %`],
    ["oss", t("fields.oss"), yes(store.oss)],
    ["exemptionCode", t("fields.exemptionCode"), store.exemptionCode ?? "—"],
    ["exemptionLaw", t("fields.exemptionLaw"), store.exemptionLaw ?? "—"],
    ["invalidNifPolicy", t("fields.invalidNifPolicy"), t(`nifPolicies.${store.invalidNifPolicy}`)],
    [
      "invalidVatNumberPolicy",
      t("fields.invalidVatNumberPolicy"),
      t(`vatNumberPolicies.${store.invalidVatNumberPolicy}`),
    ],
    ["shippingVat", t("fields.shippingVat"), t(`shippingVatModes.${store.shippingVat}`)],
    ["viesCheck", t("fields.viesCheck"), yes(store.viesCheck)],
    ["autoCreditNote", t("fields.autoCreditNote"), yes(store.autoCreditNote)],
    [
      "notificationEmails",
      t("fields.notificationEmails"),
      store.notificationEmails.length ? store.notificationEmails.join(", ") : "—",
    ],
  ];
  return (
    <dl className="grid gap-x-6 px-4 py-2 text-sm sm:grid-cols-2">
      {rows.map(([field, label, value]) => (
        <div key={field} id={field} className="flex items-center justify-between gap-4 border-b border-zinc-100 py-2.5">
          <dt className="text-zinc-500">{label}</dt>
          <dd className="text-right text-zinc-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
