import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RoleBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTimeOr } from "@/components/ui/date-time-or";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { SessionUser } from "@/lib/access";
import { listStoreOptions } from "@/lib/data/stores";
import { listUsers } from "@/lib/data/users";
import { CreateUserForm } from "./create-user-form";
import { EditUserForm } from "./edit-user-form";
import { ResetLinkButton } from "./reset-link-button";
import { UserActiveButton } from "./user-active-button";

/** User management, for admins. `editing` comes from the URL (?user=…). */
export async function UsersAdmin({ admin, editing }: { admin: SessionUser; editing?: string }) {
  const [users, stores, t, locale] = await Promise.all([
    listUsers(admin),
    listStoreOptions(admin),
    getTranslations("settings.users"),
    getLocale(),
  ]);
  const selected = users.find((u) => u.id === editing);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("title")} description={t("description")} />
        <Table>
          <THead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("role")}</Th>
              <Th>{t("stores")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("lastSignIn")}</Th>
              <Th className="text-right">
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {users.map((user) => (
              <Tr key={user.id} className={user.id === editing ? "bg-teal-50/40" : undefined}>
                <Td>
                  <div className="font-medium text-zinc-900">
                    {user.name}
                    {user.id === admin.id ? (
                      <span className="ml-1.5 text-xs font-normal text-zinc-500">({t("you")})</span>
                    ) : null}
                  </div>
                  <div className="text-xs text-zinc-500">{user.email}</div>
                </Td>
                <Td>
                  <RoleBadge role={user.role} />
                </Td>
                <Td className="max-w-xs text-xs">
                  {user.role === "admin" || user.allStores ? (
                    <Badge tone="accent">{t("allStores")}</Badge>
                  ) : (
                    user.access.map((a) => a.store.name).join(", ") || <span className="text-zinc-400">—</span>
                  )}
                </Td>
                <Td>
                  <Badge tone={user.active ? "green" : "neutral"}>{user.active ? t("active") : t("inactive")}</Badge>
                </Td>
                <Td className="whitespace-nowrap text-xs">
                  <DateTimeOr value={user.lastSignInAt} locale={locale} none={t("never")} />
                </Td>
                <Td className="whitespace-nowrap text-right">
                  {user.id === admin.id ? null : (
                    <span className="inline-flex items-center gap-2">
                      <Link
                        href={`/settings?user=${user.id}`}
                        className={buttonClass("secondary", "sm")}
                        scroll={false}
                      >
                        {t("edit")}
                      </Link>
                      {user.active ? <ResetLinkButton userId={user.id} /> : null}
                      <UserActiveButton userId={user.id} active={user.active} />
                    </span>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        {selected ? (
          <div className="border-t border-zinc-200 bg-zinc-50/60">
            <h3 className="px-4 pt-4 text-sm font-semibold text-zinc-900">{t("editing", { name: selected.name })}</h3>
            <EditUserForm
              key={selected.id}
              stores={stores}
              user={{
                id: selected.id,
                role: selected.role,
                allStores: selected.allStores,
                storeIds: selected.access.map((a) => a.store.id),
              }}
            />
          </div>
        ) : null}
      </Card>
      <Card>
        <details className="group" open={users.length <= 1}>
          <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-semibold text-zinc-900">
            {t("create")}
            <span className="text-zinc-400 transition-transform group-open:rotate-45" aria-hidden>
              +
            </span>
          </summary>
          <div className="border-t border-zinc-100">
            <CreateUserForm stores={stores} />
          </div>
        </details>
      </Card>
    </div>
  );
}
