// The month's orders ↔ documents as CSV or XLSX, for one store or for every visible store: plain links to the
// export route, so the browser streams the file to disk as the server reads it (a big month never sits in the
// page's memory). Anyone who sees the store may export it (merchants included).
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export function exportHref(month: string, format: "csv" | "xlsx", storeId: string | null): string {
  const query = new URLSearchParams({ month, format });
  if (storeId) query.set("store", storeId);
  return `/api/month-close/export?${query.toString()}`;
}

export function ExportLinks({
  month,
  store,
  size = "sm",
}: {
  month: string;
  /** null: every visible store. */
  store: { id: string; name: string } | null;
  size?: "sm" | "md";
}) {
  const t = useTranslations("monthClose");
  const scope = store ? store.name : t("allStores");
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-testid="month-exports">
      {size === "md" ? <span className="text-sm text-zinc-600">{t("exports")}:</span> : null}
      {(["csv", "xlsx"] as const).map((format) => (
        <a
          key={format}
          href={exportHref(month, format, store?.id ?? null)}
          download
          className={buttonClass("secondary", size)}
          aria-label={t("exportAs", { scope, format: t(format) })}
        >
          {t(format)}
        </a>
      ))}
    </span>
  );
}
