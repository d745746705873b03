import { useTranslations } from "next-intl";
import type { InvoiceBalance } from "@/lib/data/credit-notes";
import type { OrderDetail } from "@/lib/data/order-detail";
import { CreditNoteDialog } from "./credit-note-dialog";
import type { CreditShortcut } from "./order-documents";

/**
 * Shown when an invoiced order was cancelled in Jumpseller (invoiceState credit_note_suggested): the invoice
 * stays valid until a credit note corrects it, so the shortcut is offered right at the top.
 */
export function CreditSuggestion({
  invoice,
  balance,
  credit,
  currency,
}: {
  invoice: OrderDetail["documents"][number];
  balance: InvoiceBalance | undefined;
  credit: CreditShortcut | null;
  currency: string;
}) {
  const t = useTranslations("actions.creditNote");
  return (
    <section
      aria-labelledby="credit-suggestion"
      className="mb-6 flex flex-wrap items-center justify-between gap-4 rounded-lg bg-amber-50 px-4 py-3 ring-1 ring-inset ring-amber-300"
    >
      <div className="flex min-w-0 gap-3">
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-600">
          <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm0 4a1 1 0 0 1 1 1v3.5a1 1 0 1 1-2 0V7a1 1 0 0 1 1-1Zm0 9a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
        </svg>
        <div>
          <h2 id="credit-suggestion" className="text-sm font-semibold text-amber-900">
            {t("suggestionTitle")}
          </h2>
          <p className="mt-0.5 max-w-2xl text-sm text-amber-900/90">
            {t("suggestion", { number: invoice.number })}
            {credit ? "" : ` ${t("suggestionOthers")}`}
          </p>
        </div>
      </div>
      {credit && balance ? (
        <CreditNoteDialog
          invoice={{ id: invoice.id, number: invoice.number, amountGrossCents: invoice.amountGrossCents }}
          balance={balance}
          presets={credit.presets}
          defaultReason="order_cancelled"
          currency={currency}
          variant="primary"
        />
      ) : null}
    </section>
  );
}
