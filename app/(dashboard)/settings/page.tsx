import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PasswordForm } from "@/components/settings/password-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { UsersAdmin } from "@/components/settings/users-admin";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth";
import { firstValues, type SearchParams } from "@/lib/keyset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = firstValues(await searchParams);
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("profile.title")} description={t("profile.description")} />
          <ProfileForm name={user.name} email={user.email} locale={user.locale} />
        </Card>
        <Card>
          <CardHeader title={t("password.title")} description={t("password.description")} />
          <PasswordForm />
        </Card>
        {can(user, "users.manage") ? (
          <Suspense fallback={<TableSkeleton rows={4} />}>
            <UsersAdmin admin={user} editing={params.user} />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
