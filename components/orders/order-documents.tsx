import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { OrderDetail } from "@/lib/data/order-detail";
import { formatDateTime, formatEuros } from "@/lib/format";
import { DocumentLines } from "./document-lines";

export function OrderDocuments({ documents, currency }: { documents: OrderDetail["documents"]; currency: string }) {
  const t = useTranslations("order");
  const locale = useLocale();
  if (documents.length === 0) {
    return (
      <Card>
        <CardHeader title={t("documents")} />
        <EmptyState title={t("noDocuments")} description={t("noDocumentsHint")} />
      </Card>
    );
  }
  return (
    <div className="space-y-4">
      {documents.map((doc) => (
        <Card key={doc.id}>
          <CardHeader
            title={
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={doc.type === "NC" ? "amber" : "accent"}>{t(`documentTypes.${doc.type}`)}</Badge>
                <span className="font-mono">{doc.number}</span>
                {doc.mode !== "normal" ? <Badge tone="amber">{t("testDocument")}</Badge> : null}
              </span>
            }
            description={
              <>
                {formatDateTime(doc.issuedAt, locale)}
                {doc.atcud ? ` · ATCUD ${doc.atcud}` : ""}
                {doc.credits ? ` · ${t("credits", { number: doc.credits.number })}` : ""}
                {doc.reason ? ` · ${doc.reason}` : ""}
              </>
            }
            actions={
              <div className="text-right text-sm">
                <div className="font-semibold tabular-nums text-zinc-900">{formatEuros(doc.amountGrossCents, locale, currency)}</div>
                <div className="text-xs text-zinc-500">{t("net", { amount: formatEuros(doc.amountNetCents, locale, currency) })}</div>
              </div>
            }
          />
          <DocumentLines lines={doc.lines} />
        </Card>
      ))}
    </div>
  );
}
