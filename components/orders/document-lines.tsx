import { useLocale, useTranslations } from "next-intl";
import { z } from "zod";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatEuros } from "@/lib/format";
import { toCents } from "@/lib/money";

// Lines are stored as sent to Vendus (VendusDocumentItem) or as the pipeline read them back (cents, taxId);
// read them loosely, they are for display only.
const linesSchema = z.array(
  z.looseObject({
    reference: z.string().nullish(),
    title: z.string().nullish(),
    qty: z.coerce.number(),
    gross_price: z.union([z.number(), z.string()]).optional(),
    grossUnitCents: z.number().nullish(),
    lineGrossCents: z.number().nullish(),
    tax_id: z.string().optional(),
    taxId: z.string().nullish(),
    tax_exemption: z.string().optional(),
  }),
);

export function DocumentLines({ lines }: { lines: unknown }) {
  const t = useTranslations("order.lines");
  const locale = useLocale();
  const parsed = linesSchema.safeParse(lines);
  if (!parsed.success) return <p className="px-4 py-3 text-sm text-amber-800">{t("unreadable")}</p>;
  if (parsed.data.length === 0) return <p className="px-4 py-3 text-sm text-zinc-500">{t("none")}</p>;
  return (
    <Table>
      <THead>
        <tr>
          <Th>{t("reference")}</Th>
          <Th>{t("description")}</Th>
          <Th className="text-right">{t("qty")}</Th>
          <Th className="text-right">{t("unitPrice")}</Th>
          <Th className="text-right">{t("lineTotal")}</Th>
          <Th>{t("tax")}</Th>
        </tr>
      </THead>
      <TBody>
        {parsed.data.map((line, i) => {
          const unit = line.grossUnitCents ?? (line.gross_price === undefined ? null : toCents(line.gross_price));
          const total = line.lineGrossCents ?? (unit === null ? null : Math.round(unit * line.qty));
          return (
            <Tr key={i}>
              <Td className="font-mono text-xs">{line.reference ?? "—"}</Td>
              <Td>{line.title ?? "—"}</Td>
              <Td className="text-right tabular-nums">{line.qty}</Td>
              <Td className="text-right tabular-nums">{unit === null ? "—" : formatEuros(unit, locale)}</Td>
              <Td className="text-right tabular-nums">{total === null ? "—" : formatEuros(total, locale)}</Td>
              <Td className="text-xs">
                {line.tax_id ?? line.taxId ?? "—"}
                {line.tax_exemption ? <span className="ml-1 text-zinc-500">({line.tax_exemption})</span> : null}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
