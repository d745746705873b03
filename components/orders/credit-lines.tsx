"use client";
// The invoice's lines in the credit-note form: what was invoiced, what is already credited (or on its way),
// what is left, and how many units to credit now.
import { useLocale, useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { creditAmountCents, type LineBalance } from "@/lib/credit-notes/balance";
import { formatEuros } from "@/lib/format";

export function parseQty(value: string | undefined): number {
  const qty = Number((value ?? "").replace(",", "."));
  return Number.isFinite(qty) && qty > 0 ? qty : 0;
}

export function CreditLines({
  lines,
  whole,
  quantities,
  onChange,
  currency,
}: {
  lines: LineBalance[];
  whole: boolean;
  quantities: Record<number, string>;
  onChange: (row: number, value: string) => void;
  currency: string;
}) {
  const t = useTranslations("actions.creditNote");
  const locale = useLocale();
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  return (
    <Table className="rounded-md ring-1 ring-zinc-200">
      <THead>
        <tr>
          <Th>{t("columns.line")}</Th>
          <Th className="text-right">{t("columns.invoiced")}</Th>
          <Th className="text-right">{t("columns.credited")}</Th>
          <Th className="text-right">{t("columns.creditable")}</Th>
          <Th className="w-28 text-right">{t("columns.qty")}</Th>
          <Th className="text-right">{t("columns.amount")}</Th>
        </tr>
      </THead>
      <TBody>
        {lines.map((line) => {
          const wanted = whole ? line.creditable : parseQty(quantities[line.row]);
          const over = wanted > line.creditable + 1e-9;
          const amount = creditAmountCents(line, Math.min(wanted, line.creditable));
          const inputId = `credit-qty-${line.row}`;
          return (
            <Tr key={line.row} className={line.creditable === 0 ? "text-zinc-400" : undefined}>
              <Td>
                <span className="flex gap-1.5">
                  <span className="text-xs leading-5 tabular-nums text-zinc-400">{line.row}.</span>
                  <span>
                    <span className="block text-zinc-900">{line.title}</span>
                    {line.reference ? (
                      <span className="block font-mono text-xs text-zinc-500">{line.reference}</span>
                    ) : null}
                  </span>
                </span>
              </Td>
              <Td className="text-right tabular-nums">{number(line.qty)}</Td>
              <Td className="text-right tabular-nums">
                {number(line.credited)}
                {line.pending > 0 ? (
                  <span className="block text-xs text-amber-700">{t("onTheWay", { count: number(line.pending) })}</span>
                ) : null}
              </Td>
              <Td className="text-right font-medium tabular-nums text-zinc-900">{number(line.creditable)}</Td>
              <Td className="text-right">
                <label htmlFor={inputId} className="sr-only">
                  {t("qtyLabel", { row: line.row })}
                </label>
                <Input
                  id={inputId}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={line.creditable}
                  step={Number.isInteger(line.qty) ? 1 : 0.001}
                  className="text-right tabular-nums"
                  value={whole ? String(line.creditable) : (quantities[line.row] ?? "")}
                  placeholder="0"
                  disabled={whole || line.creditable === 0}
                  aria-invalid={over || undefined}
                  onChange={(event) => onChange(line.row, event.currentTarget.value)}
                />
              </Td>
              <Td className={over ? "text-right text-red-700" : "text-right tabular-nums"}>
                {wanted > 0 ? `${amount.exact ? "" : "≈ "}${formatEuros(amount.cents, locale, currency)}` : "—"}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
