import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { StoreDetail } from "@/lib/data/stores";

/** Read-only settings, for users who may see the store but not change it. */
export function StoreSettingsView({ store }: { store: StoreDetail }) {
  const t = useTranslations("store");
  const yes = (value: boolean) => <Badge tone={value ? "green" : "neutral"}>{value ? t("yes") : t("no")}</Badge>;
  const rows: [string, React.ReactNode][] = [
    [t("fields.enabled"), yes(store.enabled)],
    [t("fields.testMode"), yes(store.testMode)],
    [t("fields.documentType"), t(`documentTypes.${store.documentType}`)],
    [t("fields.vendusRegisterId"), store.vendusRegisterId ?? "—"],
    [t("fields.vendusPaymentMethodId"), store.vendusPaymentMethodId ?? "—"],
    [t("fields.defaultVatRate"), `${store.defaultVatRate} %`],
    [t("fields.oss"), yes(store.oss)],
    [t("fields.exemptionCode"), store.exemptionCode ?? "—"],
    [t("fields.exemptionLaw"), store.exemptionLaw ?? "—"],
    [t("fields.invalidNifPolicy"), t(`nifPolicies.${store.invalidNifPolicy}`)],
    [t("fields.autoCreditNote"), yes(store.autoCreditNote)],
    [t("fields.notificationEmails"), store.notificationEmails.length ? store.notificationEmails.join(", ") : "—"],
  ];
  return (
    <dl className="grid gap-x-6 px-4 py-2 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="flex items-center justify-between gap-4 border-b border-zinc-100 py-2.5">
          <dt className="text-zinc-500">{label}</dt>
          <dd className="text-right text-zinc-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
