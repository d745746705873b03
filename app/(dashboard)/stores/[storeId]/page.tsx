import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FailureGroups } from "@/components/jobs/failure-groups";
import { OutageBanner } from "@/components/outages/outage-banner";
import { EnabledBadge } from "@/components/status-badges";
import { ReadinessCard } from "@/components/stores/readiness-card";
import { SaftForm } from "@/components/stores/saft-form";
import { StoreSettingsForm } from "@/components/stores/store-settings-form";
import { StoreSettingsView } from "@/components/stores/store-settings-view";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DetailRow } from "@/components/ui/detail-row";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth";
import { listOpenOutages } from "@/lib/data/outages";
import { getStoreDetail } from "@/lib/data/stores";
import { formatDateTime } from "@/lib/format";
import { currentPeriod, previousPeriod } from "@/lib/saft/period";

type Props = { params: Promise<{ storeId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser();
  const store = await getStoreDetail(user, (await params).storeId);
  return { title: store?.name };
}

export default async function StorePage({ params }: Props) {
  const user = await requireUser();
  const { storeId } = await params;
  const [store, outages, t, saft, locale] = await Promise.all([
    getStoreDetail(user, storeId),
    listOpenOutages(user, { storeId }),
    getTranslations("store"),
    getTranslations("actions.saft"),
    getLocale(),
  ]);
  if (!store) notFound();
  const editable = can(user, "stores.settings");

  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {store.name}
            <EnabledBadge enabled={store.enabled} testMode={store.testMode} />
          </span>
        }
        description={t("subtitle", { code: store.code })}
        actions={
          <>
            <Link href={`/orders?store=${store.id}`} className={buttonClass("secondary")}>
              {t("viewOrders")}
            </Link>
            <Link href={`/jobs?store=${store.id}`} className={buttonClass("secondary")}>
              {t("viewJobs")}
            </Link>
          </>
        }
      />
      <OutageBanner outages={outages} showStore={false} />
      <FailureGroups user={user} filters={{ store: store.id }} settingsOnThisPage />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="self-start lg:col-span-2">
          <CardHeader title={t("settings")} description={editable ? t("settingsEditable") : t("settingsReadOnly")} />
          {editable ? <StoreSettingsForm store={store} /> : <StoreSettingsView store={store} />}
        </Card>
        <div className="space-y-6 self-start">
          <ReadinessCard storeId={store.id} initial={store.readiness} />
          {can(user, "saft.export") ? (
            <Card>
              <CardHeader title={saft("title")} description={saft("description")} />
              <SaftForm storeId={store.id} defaultPeriod={previousPeriod()} latest={currentPeriod()} />
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("connection")} description={t("connectionHint")} />
            <dl className="divide-y divide-zinc-100 text-sm">
              <DetailRow label={t("vendusKey")}>
                {store.credential ? (
                  <span className="font-mono text-xs" data-testid="vendus-key-hint">
                    {store.credential.vendusKeyHint}
                  </span>
                ) : (
                  <Badge tone="amber">{t("notConfigured")}</Badge>
                )}
              </DetailRow>
              <DetailRow label={t("jumpsellerAuth")}>
                {store.credential ? t(`auth.${store.credential.jumpsellerAuth}`) : "—"}
              </DetailRow>
              <DetailRow label={t("vendusRegion")}>{store.vendusRegion}</DetailRow>
              <DetailRow label={t("lastReconciled")}>
                {store.lastReconciledAt ? formatDateTime(store.lastReconciledAt, locale) : t("never")}
              </DetailRow>
              <DetailRow label={t("createdAt")}>{formatDateTime(store.createdAt, locale)}</DetailRow>
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}
