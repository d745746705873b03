import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionUser } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import type { SearchParams } from "@/lib/keyset";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // Only same-site paths: an open redirect after sign-in would hand the session to any site.
  const callbackUrl = safeCallbackPath(params.callbackUrl, getEnv().NEXTAUTH_URL);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("login");
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <AuthShell title={t("title")} subtitle={t("subtitle")}>
      {params.reset === "done" ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("resetDone")}
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} initialError={error} />
      <p className="mt-4 text-center text-sm">
        <Link href="/login/forgot" className="text-teal-700 hover:underline">
          {t("forgot")}
        </Link>
      </p>
    </AuthShell>
  );
}
