import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { OrderDetail } from "@/lib/data/order-detail";
import { formatDateTime, formatEuros } from "@/lib/format";
import { DocumentLines } from "./document-lines";
import { PdfLink } from "./pdf-link";

type Doc = OrderDetail["documents"][number];

/** The credit notes issued against one invoice, under it: number, date, reason and the amount credited. */
export function CreditNoteList({ creditNotes, currency }: { creditNotes: Doc[]; currency: string }) {
  const t = useTranslations("actions.creditNote");
  const order = useTranslations("order");
  const locale = useLocale();
  return (
    <section className="border-t border-zinc-100 bg-zinc-50/60 px-4 py-3" aria-label={t("creditNotes")}>
      <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">{t("creditNotes")}</h3>
      <ul className="mt-2 space-y-2">
        {creditNotes.map((nc) => (
          <li key={nc.id} className="rounded-md bg-white ring-1 ring-zinc-200">
            <div className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
              <span className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone="amber">{order("documentTypes.NC")}</Badge>
                <span className="font-mono text-zinc-900">{nc.number}</span>
                {nc.mode !== "normal" ? <Badge tone="amber">{order("testDocument")}</Badge> : null}
                <span className="text-xs text-zinc-500">
                  {formatDateTime(nc.issuedAt, locale)}
                  {nc.reason ? ` · ${nc.reason}` : ""}
                </span>
              </span>
              <span className="flex items-center gap-3">
                <PdfLink documentId={nc.id} number={nc.number} />
                <span className="font-semibold tabular-nums text-zinc-900">
                  −{formatEuros(nc.amountGrossCents, locale, currency)}
                </span>
              </span>
            </div>
            <details className="border-t border-zinc-100 text-sm [&_summary::-webkit-details-marker]:hidden">
              <summary className="cursor-pointer px-3 py-1.5 text-xs text-zinc-500 hover:text-zinc-800">
                {t("lines")}
              </summary>
              <DocumentLines lines={nc.lines} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
