import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SidebarNav, type NavItem } from "@/components/shell/sidebar-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { RoleBadge } from "@/components/status-badges";
import { requireUser } from "@/lib/auth";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Checked here, above every loading boundary, so a signed-out visitor gets a real redirect.
  const user = await requireUser();
  const t = await getTranslations();
  const nav: NavItem[] = [
    { href: "/", label: t("nav.overview"), icon: "overview" },
    { href: "/stores", label: t("nav.stores"), icon: "stores" },
    { href: "/orders", label: t("nav.orders"), icon: "orders" },
    { href: "/month-close", label: t("nav.monthClose"), icon: "monthClose" },
    { href: "/jobs", label: t("nav.jobs"), icon: "jobs" },
    { href: "/audit", label: t("nav.audit"), icon: "audit" },
    { href: "/settings", label: t("nav.settings"), icon: "settings" },
  ];
  return (
    <div className="flex min-h-dvh">
      <aside className="sticky top-0 hidden h-dvh w-56 shrink-0 flex-col border-r border-zinc-200 bg-white px-3 py-4 md:flex">
        <Link href="/" className="mb-6 flex items-center gap-2 px-2.5">
          <span className="flex size-7 items-center justify-center rounded-md bg-teal-700 text-sm font-bold text-white">
            P
          </span>
          <span className="text-base font-semibold tracking-tight">Ponte</span>
        </Link>
        <SidebarNav items={nav} label={t("nav.label")} />
        <p className="mt-auto px-2.5 text-xs text-zinc-400">{t("app.tagline")}</p>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-between gap-4 border-b border-zinc-200 bg-white/90 px-3 backdrop-blur sm:px-6">
          {/* Below the md breakpoint the sidebar is hidden: the same navigation opens from the header. */}
          <details className="relative md:hidden">
            <summary className="cursor-pointer list-none rounded-md border border-zinc-200 px-2.5 py-1.5 text-sm font-medium text-zinc-700">
              {t("nav.menu")}
            </summary>
            <div className="absolute left-0 top-10 w-56 rounded-md border border-zinc-200 bg-white p-2 shadow-lg">
              <SidebarNav items={nav} label={t("nav.label")} />
            </div>
          </details>
          <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-4">
            <LanguageSwitch />
            <div className="flex items-center gap-2 text-sm" data-testid="current-user">
              {/* On a phone the role stands for the user: the name would push the header wider than the screen. */}
              <span className="hidden font-medium text-zinc-800 sm:inline">{user.name}</span>
              <RoleBadge role={user.role} />
            </div>
            <SignOutButton />
          </div>
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 px-3 py-4 sm:px-6 sm:py-6">{children}</main>
      </div>
    </div>
  );
}
