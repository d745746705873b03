// "Vendus unavailable since 10:42 — 37 invoices waiting — next check 10:57": one line per store living an
// interruption, on the overview (every visible store) and on a store's page. Nothing to do for an outage;
// a refused credential links to where the store is reconnected (a new Vendus key, the Jumpseller app again).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { OpenOutage } from "@/lib/data/outages";
import { formatDateTime, formatTime } from "@/lib/format";
import { lisbonDay } from "@/lib/lisbon-time";

function when(at: Date, locale: string, now: Date): string {
  return lisbonDay(at) === lisbonDay(now) ? formatTime(at, locale) : formatDateTime(at, locale);
}

export async function OutageBanner({ outages, showStore }: { outages: OpenOutage[]; showStore: boolean }) {
  if (outages.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("outages.banner"), getLocale()]);
  const now = new Date();
  const isOutage = (o: OpenOutage) => o.reason === "vendus" || o.reason === "jumpseller";
  return (
    <section
      role="status"
      aria-label={t("title")}
      className="mb-6 space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
      data-testid="outage-banner"
    >
      <ul className="space-y-1">
        {outages.map((o) => {
          const parts = [
            t(o.reason, { since: when(o.since, locale, now) }),
            t("waiting", { count: o.invoicesWaiting }),
            ...(o.otherWaiting > 0 ? [t("otherWaiting", { count: o.otherWaiting })] : []),
            ...(isOutage(o)
              ? [o.nextCheckAt ? t("nextCheck", { at: when(o.nextCheckAt, locale, now) }) : t("checking")]
              : []),
          ];
          return (
            <li key={o.id} data-testid="outage-line">
              {showStore ? <span className="font-semibold">{o.storeName}: </span> : null}
              {parts.join(" — ")}
              {isOutage(o) ? null : (
                <>
                  {" "}
                  <Link
                    href={o.reason === "vendus_key" ? `/stores/connect/${o.storeId}` : "/stores/connect"}
                    className="font-medium underline"
                  >
                    {t("reconnect")}
                  </Link>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {outages.some(isOutage) ? <p className="text-xs text-amber-800">{t("resumes")}</p> : null}
    </section>
  );
}
