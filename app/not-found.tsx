import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-teal-700">404</p>
      <h1 className="mt-2 text-xl font-semibold text-zinc-900">{t("title")}</h1>
      <p className="mt-1 max-w-md text-sm text-zinc-500">{t("description")}</p>
      <Link href="/" className={`${buttonClass("secondary")} mt-6`}>
        {t("backHome")}
      </Link>
    </main>
  );
}
