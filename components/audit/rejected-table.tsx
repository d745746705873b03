import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RejectedDeliveryRow } from "@/lib/data/audit";
import { formatDateTime } from "@/lib/format";

export function RejectedTable({ rows }: { rows: RejectedDeliveryRow[] }) {
  const t = useTranslations("audit.rejected");
  const locale = useLocale();
  const reason = (code: string) => (t.has(`reasons.${code}`) ? t(`reasons.${code}`) : code);
  return (
    <Table>
      <THead>
        <tr>
          <Th>{t("columns.when")}</Th>
          <Th>{t("columns.store")}</Th>
          <Th>{t("columns.event")}</Th>
          <Th>{t("columns.reason")}</Th>
          <Th className="text-right">{t("columns.status")}</Th>
          <Th>{t("columns.address")}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id}>
            <Td className="whitespace-nowrap text-xs tabular-nums">{formatDateTime(row.receivedAt, locale)}</Td>
            <Td className="font-mono text-xs">{row.storeCode ?? "—"}</Td>
            <Td className="font-mono text-xs">{row.event ?? "—"}</Td>
            <Td>
              <Badge tone="red">{reason(row.reason)}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{row.status || "—"}</Td>
            <Td className="font-mono text-xs">{row.remoteAddr ?? "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
