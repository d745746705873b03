"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Icon } from "./icons";

export function SignOutButton() {
  const t = useTranslations("header");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
    >
      <Icon name="signOut" />
      {t("signOut")}
    </button>
  );
}
