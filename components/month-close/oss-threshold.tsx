// The OSS threshold tracker: per store, the calendar year's intra-EU distance sales to consumers against the
// EUR 10,000 threshold, a warning from 80 % and an alert when it is crossed while the store's OSS setting is off.
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { OssThresholdRow } from "@/lib/data/oss-threshold";
import { formatEuros } from "@/lib/format";
import { ossThresholdCents } from "@/lib/oss-threshold";
import { StoreNameAndCode } from "@/components/stores/store-name-link";

function percent(cents: number, locale: string) {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
    cents / ossThresholdCents,
  );
}

export function OssThreshold({ rows, year }: { rows: OssThresholdRow[]; year: number }) {
  const t = useTranslations("monthClose.oss");
  const locale = useLocale();
  const threshold = formatEuros(ossThresholdCents, locale);
  return (
    <section className="mt-6" aria-labelledby="oss-threshold-title">
      <h2 id="oss-threshold-title" className="mb-1 text-base font-semibold text-zinc-900">
        {t("title", { year })}
      </h2>
      <p className="mb-3 text-sm text-zinc-600">{t("description", { threshold })}</p>
      <Card>
        <Table>
          <THead>
            <tr>
              <Th>{t("store")}</Th>
              <Th className="text-right">{t("yearSales", { year })}</Th>
              <Th className="text-right">{t("ofThreshold")}</Th>
              <Th>{t("countries")}</Th>
              <Th className="text-right">{t("previousYear", { year: year - 1 })}</Th>
              <Th>{t("setting")}</Th>
              <Th>{t("state")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <Tr key={row.store.id}>
                <Td>
                  <StoreNameAndCode store={row.store} testId="oss-store" />
                </Td>
                <Td className="text-right tabular-nums" data-testid="oss-year">
                  {formatEuros(row.yearCents, locale)}
                </Td>
                <Td className="text-right tabular-nums">{percent(row.yearCents, locale)}</Td>
                <Td className="text-xs text-zinc-600">
                  {row.countries.length === 0
                    ? "—"
                    : row.countries.map((c) => `${c.country} ${formatEuros(c.netCents, locale)}`).join(", ")}
                </Td>
                <Td className="text-right tabular-nums">{formatEuros(row.previousYearCents, locale)}</Td>
                <Td>{row.store.oss ? t("ossOn") : t("ossOff")}</Td>
                <Td data-testid="oss-state">
                  {row.alert ? (
                    <Badge tone="red">{t("alert", { threshold })}</Badge>
                  ) : row.level === "crossed" ? (
                    <Badge tone="blue">{t("crossedWithOss")}</Badge>
                  ) : row.level === "warning" ? (
                    <Badge tone="amber">{t("warning", { threshold })}</Badge>
                  ) : (
                    <Badge tone="green">{t("under")}</Badge>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </section>
  );
}
