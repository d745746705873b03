import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { InvoiceBalance } from "@/lib/data/credit-notes";
import type { OrderDetail } from "@/lib/data/order-detail";
import { formatDateTime, formatEuros } from "@/lib/format";
import type { CreditReasonPreset } from "@/lib/invoicing";
import { CreditNoteDialog } from "./credit-note-dialog";
import { CreditNoteList } from "./credit-note-list";
import { DocumentLines } from "./document-lines";
import { PdfLink } from "./pdf-link";

type Doc = OrderDetail["documents"][number];

export interface CreditShortcut {
  presets: readonly CreditReasonPreset[];
  defaultReason?: CreditReasonPreset;
}

/** Invoices with their credit notes underneath; "Issue credit note" only when `credit` is given. */
export function OrderDocuments({
  documents,
  currency,
  balances,
  credit,
}: {
  documents: OrderDetail["documents"];
  currency: string;
  balances: Record<string, InvoiceBalance>;
  credit: CreditShortcut | null;
}) {
  const t = useTranslations("order");
  if (documents.length === 0) {
    return (
      <Card>
        <CardHeader title={t("documents")} />
        <EmptyState title={t("noDocuments")} description={t("noDocumentsHint")} />
      </Card>
    );
  }
  const invoiceIds = new Set(documents.filter((doc) => doc.type !== "NC").map((doc) => doc.id));
  // A credit note whose invoice is not on this order (never expected) is still shown, on its own.
  const standalone = documents.filter((doc) => doc.type !== "NC" || !doc.creditsId || !invoiceIds.has(doc.creditsId));
  return (
    <div className="space-y-4">
      {standalone.map((doc) => (
        <DocumentCard
          key={doc.id}
          doc={doc}
          currency={currency}
          creditNotes={documents.filter((nc) => nc.type === "NC" && nc.creditsId === doc.id)}
          balance={balances[doc.id]}
          credit={doc.type !== "NC" && doc.mode === "normal" ? credit : null}
        />
      ))}
    </div>
  );
}

function DocumentCard({
  doc,
  currency,
  creditNotes,
  balance,
  credit,
}: {
  doc: Doc;
  currency: string;
  creditNotes: Doc[];
  balance: InvoiceBalance | undefined;
  credit: CreditShortcut | null;
}) {
  const t = useTranslations("order");
  const actions = useTranslations("actions.creditNote");
  const locale = useLocale();
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={doc.type === "NC" ? "amber" : "accent"}>{t(`documentTypes.${doc.type}`)}</Badge>
            <span className="font-mono">{doc.number}</span>
            {doc.mode !== "normal" ? <Badge tone="amber">{t("testDocument")}</Badge> : null}
            {balance?.hasPendingRequest ? <Badge tone="blue">{actions("inProgress")}</Badge> : null}
          </span>
        }
        description={
          <>
            {formatDateTime(doc.issuedAt, locale)}
            {doc.atcud ? ` · ATCUD ${doc.atcud}` : ""}
            {doc.credits ? ` · ${t("credits", { number: doc.credits.number })}` : ""}
            {doc.reason ? ` · ${doc.reason}` : ""}
            {doc.type !== "NC" && doc.mode !== "normal" ? ` · ${actions("testMode")}` : ""}
          </>
        }
        actions={
          <div className="flex flex-wrap items-start justify-end gap-3">
            <div className="flex flex-wrap items-center justify-end gap-2">
              <PdfLink documentId={doc.id} number={doc.number} />
              {credit && balance ? (
                <CreditNoteDialog
                  invoice={{ id: doc.id, number: doc.number, amountGrossCents: doc.amountGrossCents }}
                  balance={balance}
                  presets={credit.presets}
                  defaultReason={credit.defaultReason}
                  currency={currency}
                />
              ) : null}
            </div>
            <div className="text-right text-sm">
              <div className="font-semibold tabular-nums text-zinc-900">
                {formatEuros(doc.amountGrossCents, locale, currency)}
              </div>
              <div className="whitespace-nowrap text-xs text-zinc-500">
                {t("net", { amount: formatEuros(doc.amountNetCents, locale, currency) })}
              </div>
            </div>
          </div>
        }
      />
      <DocumentLines lines={doc.lines} />
      {creditNotes.length > 0 ? <CreditNoteList creditNotes={creditNotes} currency={currency} /> : null}
    </Card>
  );
}
