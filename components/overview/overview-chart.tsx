// Invoiced amount net of credit notes (bars; a day whose credit notes outweigh its invoices has none) and failures (red dots) per Lisbon day, drawn as plain SVG on the server: no script,
// no style attributes (the CSP allows neither without a nonce), colours from Tailwind classes. The same figures
// follow as a table, for screen readers and for anyone who wants the exact numbers.
import { useLocale, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ChartDay } from "@/lib/data/overview-chart";
import { formatDay, formatEuros, formatShortDay } from "@/lib/format";

const width = 720;
const height = 220;
const margin = { top: 12, right: 40, bottom: 26, left: 64 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/** A round upper bound for the axis (1, 2 or 5 × a power of ten), at least `floor`. */
function niceMax(value: number, floor: number): number {
  if (value <= floor) return floor;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

export function OverviewChart({ days, storeName }: { days: ChartDay[]; storeName: string | null }) {
  const t = useTranslations("overview.chart");
  const locale = useLocale();
  const maxCents = niceMax(Math.max(...days.map((d) => d.invoicedCents)), 100);
  const maxFailures = niceMax(Math.max(...days.map((d) => d.failures)), 1);
  const slot = plotWidth / days.length;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (cents: number) => margin.top + plotHeight - (cents / maxCents) * plotHeight;
  const yFailures = (n: number) => margin.top + plotHeight - (n / maxFailures) * plotHeight;
  const x = (i: number) => margin.left + i * slot + slot / 2;
  const totalCents = days.reduce((sum, d) => sum + d.invoicedCents, 0);
  const totalFailures = days.reduce((sum, d) => sum + d.failures, 0);
  const scope = storeName ?? t("allStores");
  const summary = t("summary", {
    scope,
    amount: formatEuros(totalCents, locale),
    failures: totalFailures,
    from: formatDay(days[0]!.day, locale),
    to: formatDay(days.at(-1)!.day, locale),
  });
  const compact = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  });

  return (
    <Card className="mb-6">
      <CardHeader title={t("title")} description={summary} />
      <figure className="px-4 pt-3 pb-2">
        <div className="mb-2 flex flex-wrap gap-4 text-xs text-zinc-600">
          <span className="inline-flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm bg-teal-600" aria-hidden />
            {t("invoiced")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="size-2.5 rounded-full bg-red-600" aria-hidden />
            {t("failures")}
          </span>
        </div>
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={summary}>
          {[0, 0.5, 1].map((fraction) => (
            <g key={fraction}>
              <line
                x1={margin.left}
                x2={width - margin.right}
                y1={y(maxCents * fraction)}
                y2={y(maxCents * fraction)}
                className="stroke-zinc-200"
              />
              <text
                x={margin.left - 6}
                y={y(maxCents * fraction) + 4}
                textAnchor="end"
                className="fill-zinc-500 text-[11px]"
              >
                {compact.format((maxCents * fraction) / 100)}
              </text>
              <text
                x={width - margin.right + 6}
                y={yFailures(maxFailures * fraction) + 4}
                className="fill-red-700 text-[11px]"
              >
                {Math.round(maxFailures * fraction)}
              </text>
            </g>
          ))}
          {days.map((d, i) => (
            <g key={d.day} data-day={d.day}>
              <title>
                {`${formatDay(d.day, locale)}: ${formatEuros(d.invoicedCents, locale)} · ${t("invoiceCount", { count: d.invoices })} · ${t("failureCount", { count: d.failures })}`}
              </title>
              <rect
                x={x(i) - barWidth / 2}
                y={y(Math.max(0, d.invoicedCents))}
                width={barWidth}
                height={Math.max(0, margin.top + plotHeight - y(d.invoicedCents))}
                className="fill-teal-600"
              />
              {d.failures > 0 ? <circle cx={x(i)} cy={yFailures(d.failures)} r={3.5} className="fill-red-600" /> : null}
              {i % 5 === 0 || i === days.length - 1 ? (
                <text x={x(i)} y={height - 8} textAnchor="middle" className="fill-zinc-500 text-[11px]">
                  {formatShortDay(d.day, locale)}
                </text>
              ) : null}
            </g>
          ))}
        </svg>
        <figcaption className="sr-only">{summary}</figcaption>
      </figure>
      <details className="border-t border-zinc-100 px-4 py-2 text-sm">
        <summary className="cursor-pointer text-xs font-medium text-zinc-600">{t("asTable")}</summary>
        <Table>
          <THead>
            <tr>
              <Th>{t("day")}</Th>
              <Th className="text-right">{t("invoiced")}</Th>
              <Th className="text-right">{t("invoices")}</Th>
              <Th className="text-right">{t("credited")}</Th>
              <Th className="text-right">{t("failures")}</Th>
            </tr>
          </THead>
          <TBody>
            {days.map((d) => (
              <Tr key={d.day}>
                <Td>{formatDay(d.day, locale)}</Td>
                <Td className="text-right tabular-nums">{formatEuros(d.invoicedCents, locale)}</Td>
                <Td className="text-right tabular-nums">{d.invoices}</Td>
                <Td className="text-right tabular-nums">{formatEuros(d.creditedCents, locale)}</Td>
                <Td className="text-right tabular-nums">{d.failures}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </details>
    </Card>
  );
}
