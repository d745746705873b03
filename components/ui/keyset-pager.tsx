import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";
import { cn } from "./cn";

/** Previous / next links for a keyset page; every other search parameter is kept as it is. */
export function KeysetPager({
  pathname,
  params,
  prev,
  next,
}: {
  pathname: string;
  params: Record<string, string | undefined>;
  prev: string | null;
  next: string | null;
}) {
  const t = useTranslations("common");
  const href = (cursor: string, dir: "next" | "prev") => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value && key !== "cursor" && key !== "dir") search.set(key, value);
    search.set("cursor", cursor);
    search.set("dir", dir);
    return `${pathname}?${search.toString()}`;
  };
  const disabled = "pointer-events-none opacity-40";
  return (
    <nav
      className="flex items-center justify-end gap-2 border-t border-zinc-100 px-3 py-2"
      aria-label={t("pagination")}
    >
      {prev ? (
        <Link className={buttonClass("secondary", "sm")} href={href(prev, "prev")} rel="prev">
          ← {t("previous")}
        </Link>
      ) : (
        <span className={cn(buttonClass("secondary", "sm"), disabled)} aria-disabled>
          ← {t("previous")}
        </span>
      )}
      {next ? (
        <Link className={buttonClass("secondary", "sm")} href={href(next, "next")} rel="next">
          {t("next")} →
        </Link>
      ) : (
        <span className={cn(buttonClass("secondary", "sm"), disabled)} aria-disabled>
          {t("next")} →
        </span>
      )}
    </nav>
  );
}
