// The month's latest SAF-T ZIP the user may see: its progress while the stores' files are fetched, then the
// download, when and by whom it was asked, and how many stores could not be exported (listed in its summary).
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import type { BundleView } from "@/lib/saft/bundle-access";

export function SaftZipStatus({ bundle }: { bundle: BundleView }) {
  const t = useTranslations("monthClose.saftZip");
  const locale = useLocale();
  const progress = Math.round((100 * bundle.done) / Math.max(1, bundle.stores));
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-700" data-testid="saft-zip">
      <span>{t("asked", { at: formatDateTime(bundle.requestedAt, locale), by: bundle.requestedBy ?? "—" })}</span>
      {bundle.state === "building" ? (
        <Badge tone="blue">
          <span role="progressbar" aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
            {t("building", { done: bundle.done, total: bundle.stores })}
          </span>
        </Badge>
      ) : null}
      {bundle.state === "failed" ? <Badge tone="red">{t("buildFailed", { error: bundle.error ?? "" })}</Badge> : null}
      {bundle.state === "done" ? (
        <>
          <a href={`/api/month-close/saft-zip/${bundle.id}`} download className={buttonClass("primary", "sm")}>
            {t("download", { count: bundle.stores - bundle.failed })}
          </a>
          {bundle.failed > 0 ? <Badge tone="amber">{t("someFailed", { count: bundle.failed })}</Badge> : null}
        </>
      ) : null}
    </div>
  );
}
