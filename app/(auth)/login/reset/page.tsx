import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { db } from "@/lib/db";
import { findResetLink } from "@/lib/password-reset";
import type { SearchParams } from "@/lib/keyset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("resetTitle") };
}

/** The page a reset link opens: a new password for the account, or why the link no longer works. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const t = await getTranslations("passwordReset");
  const link = await findResetLink(db, token);
  if (!link || typeof token !== "string") {
    return (
      <AuthShell title={t("resetTitle")}>
        <p role="alert" className="text-sm text-zinc-700">
          {t("linkInvalid")}
        </p>
        <p className="mt-4 text-center text-sm">
          <Link href="/login/forgot" className="text-teal-700 hover:underline">
            {t("askAgain")}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("resetTitle")} subtitle={t("resetSubtitle", { email: link.email })}>
      <ResetPasswordForm token={token} />
    </AuthShell>
  );
}
