import { useLocale, useTranslations } from "next-intl";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { AuditRow } from "@/lib/data/audit";
import { formatDateTime } from "@/lib/format";
import { AuditDetails } from "./audit-details";

export function AuditTable({ events }: { events: AuditRow[] }) {
  const t = useTranslations("audit");
  const locale = useLocale();
  // New kinds of event appear as other parts of Ponte grow: show the raw action until it has a label.
  // Message keys cannot contain dots, so "store.settings_updated" is looked up as "store_settings_updated".
  const actionLabel = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : action;
  };
  return (
    <Table>
      <THead>
        <tr>
          <Th>{t("columns.when")}</Th>
          <Th>{t("columns.who")}</Th>
          <Th>{t("columns.action")}</Th>
          <Th>{t("columns.store")}</Th>
          <Th>{t("columns.details")}</Th>
        </tr>
      </THead>
      <TBody>
        {events.map((event) => (
          <Tr key={event.id}>
            <Td className="whitespace-nowrap text-xs tabular-nums">{formatDateTime(event.at, locale)}</Td>
            <Td className="whitespace-nowrap">
              {event.actor ? event.actor.name : <span className="text-zinc-500">{t("system")}</span>}
            </Td>
            <Td className="whitespace-nowrap font-medium text-zinc-900">{actionLabel(event.action)}</Td>
            <Td className="whitespace-nowrap">{event.store?.name ?? <span className="text-zinc-400">—</span>}</Td>
            <Td>
              <AuditDetails details={event.details} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
