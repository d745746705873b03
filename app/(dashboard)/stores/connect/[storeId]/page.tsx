import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorMessageFrom } from "@/components/actions/error-message";
import { ConnectSteps } from "@/components/connect/connect-steps";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth";
import { getConnectStore } from "@/lib/connect/data";
import { loadSetupOptions } from "@/lib/connect/vendus-key";
import { ConnectError } from "@/components/connect/connect-error";

type Props = {
  params: Promise<{ storeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser();
  const store = await getConnectStore(user, (await params).storeId);
  return { title: store ? (await getTranslations("connect"))("store.title", { name: store.name }) : undefined };
}

export default async function ConnectStorePage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ storeId }, { error }, t] = await Promise.all([params, searchParams, getTranslations("connect")]);
  const store = await getConnectStore(user, storeId);
  if (!store) notFound();
  if (!can(user, "stores.settings")) {
    return (
      <div data-testid="only-admins">
        <Card className="px-4 py-6 text-sm text-zinc-600">{t("onlyAdmins")}</Card>
      </div>
    );
  }
  // The lists come from Vendus with the saved key; a failure is shown as such, never as empty lists.
  const options = store.vendusKeyHint ? await loadSetupOptions({ user, storeId }) : null;
  const errorCode = typeof error === "string" ? error : null;
  const errorMessage = errorMessageFrom(
    await getTranslations("serviceErrors"),
    await getTranslations("connect.errors"),
  );

  return (
    <>
      <PageHeader
        title={t("store.title", { name: store.name })}
        description={t("store.description", { code: store.code })}
      />
      {errorCode ? (
        <ConnectError message={errorMessage(errorCode)} />
      ) : store.jumpsellerAuth === "oauth" ? (
        <p className="mb-6 text-sm text-emerald-700">{t("store.installed")}</p>
      ) : null}
      {store.enabled ? <p className="mb-6 text-sm text-zinc-600">{t("store.enabled")}</p> : null}
      <ConnectSteps
        store={store}
        initialOptions={options && "ok" in options ? options : null}
        optionsError={options && "error" in options ? options.error : null}
      />
    </>
  );
}
