import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { errorMessageFrom } from "@/components/actions/error-message";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth";
import { isJumpsellerAppConfigured, listPendingStores } from "@/lib/connect/data";
import { oauthRedirectUri } from "@/lib/connect/install-state";
import { ConnectError } from "@/components/connect/connect-error";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connect"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConnectPage({ searchParams }: Props) {
  const user = await requireUser();
  const t = await getTranslations("connect");
  if (!can(user, "stores.settings")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <Card className="px-4 py-6 text-sm text-zinc-600">{t("onlyAdmins")}</Card>
      </>
    );
  }
  const { error } = await searchParams;
  const errorCode = typeof error === "string" ? error : null;
  const errorMessage = errorMessageFrom(
    await getTranslations("serviceErrors"),
    await getTranslations("connect.errors"),
  );
  const pending = await listPendingStores(user);
  const configured = isJumpsellerAppConfigured();

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {errorCode ? <ConnectError message={errorMessage(errorCode)} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("install.title")} />
          <div className="space-y-4 px-4 py-4 text-sm text-zinc-600">
            <p>{t("install.body")}</p>
            {configured ? (
              // A plain link: the route answers with a redirect to Jumpseller, which client navigation cannot follow.
              <a href="/api/jumpseller/oauth/start" className={buttonClass("primary")} data-testid="install-jumpseller">
                {t("install.button")}
              </a>
            ) : (
              <div className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
                <p>{t("install.notConfigured")}</p>
                <p className="mt-2 text-xs font-medium">{t("install.callbackUrl")}</p>
                <code className="block break-all font-mono text-xs">{oauthRedirectUri()}</code>
              </div>
            )}
          </div>
        </Card>
        <Card className="self-start">
          <CardHeader title={t("cli.title")} />
          <div className="space-y-2 px-4 py-4 text-xs text-zinc-600">
            <p>{t("cli.body")}</p>
            <code className="block whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono">
              npm run ponte -- store:add --code &lt;code&gt; --name &lt;name&gt; --vendus-key &lt;key&gt;
              --jumpseller-login &lt;login&gt; --jumpseller-token &lt;token&gt; --hooks-token &lt;token&gt;
            </code>
            <p>{t("cli.hooks")}</p>
            <code className="block rounded bg-zinc-50 p-2 font-mono">
              npm run ponte -- store:hooks --store &lt;code&gt;
            </code>
          </div>
        </Card>
      </div>
      {pending.length > 0 ? (
        <Card className="mt-6">
          <CardHeader title={t("pending.title")} />
          <ul className="divide-y divide-zinc-100">
            {pending.map((store) => (
              <li key={store.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
                <span>
                  <span className="font-medium text-zinc-900">{store.name}</span>
                  <span className="ml-2 text-xs text-zinc-500">{store.code}</span>
                </span>
                <span className="flex items-center gap-3">
                  <Badge tone="amber">{store.hasVendusKey ? t("pending.needsSettings") : t("pending.needsKey")}</Badge>
                  <Link href={`/stores/connect/${store.id}`} className={buttonClass("secondary", "sm")}>
                    {t("pending.continue")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
