"use client";
// "Issue credit note" on an invoice: a button that opens the form in a modal dialog. The confirmation stays
// next to the button after the dialog closes and the page refreshes with the new request.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ActionStatus } from "@/components/actions/action-status";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { InvoiceBalance } from "@/lib/data/credit-notes";
import type { CreditReasonPreset } from "@/lib/invoicing";
import { CreditNoteForm, type CreditableInvoiceView } from "./credit-note-form";

export function CreditNoteDialog({
  invoice,
  balance,
  presets,
  currency,
  defaultReason,
  variant = "secondary",
}: {
  invoice: CreditableInvoiceView;
  balance: InvoiceBalance;
  presets: readonly CreditReasonPreset[];
  currency: string;
  defaultReason?: CreditReasonPreset;
  variant?: ButtonVariant;
}) {
  const t = useTranslations("actions.creditNote");
  const dialog = useRef<HTMLDialogElement>(null);
  const [isOpen, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  const nothingLeft = balance.lines
    ? balance.lines.every((line) => line.creditable <= 0)
    : invoice.amountGrossCents - balance.creditedCents <= 0;

  useEffect(() => {
    if (isOpen) dialog.current?.showModal();
    else dialog.current?.close();
  }, [isOpen]);

  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-2">
      {requested ? <ActionStatus message={{ tone: "success", text: t("requested") }} /> : null}
      {nothingLeft ? null : (
        <Button variant={variant} size="sm" onClick={() => setOpen(true)}>
          {t("open")}
        </Button>
      )}
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby={`credit-title-${invoice.id}`}
        className="m-auto w-full max-w-3xl rounded-lg bg-white p-0 text-left shadow-xl ring-1 ring-zinc-200 backdrop:bg-zinc-900/40"
      >
        {isOpen ? (
          <div className="max-h-[90vh] overflow-y-auto">
            <div className="flex items-start justify-between gap-4 border-b border-zinc-100 px-5 py-4">
              <h2 id={`credit-title-${invoice.id}`} className="text-base font-semibold text-zinc-900">
                {t("title", { number: invoice.number })}
              </h2>
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
                aria-label={t("cancel")}
              >
                <svg
                  viewBox="0 0 20 20"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  className="size-4"
                  aria-hidden
                >
                  <path d="m5 5 10 10M15 5 5 15" strokeLinecap="round" />
                </svg>
              </button>
            </div>
            <div className="px-5 py-4">
              <CreditNoteForm
                invoice={invoice}
                balance={balance}
                presets={presets}
                currency={currency}
                defaultReason={defaultReason}
                onCancel={() => setOpen(false)}
                onDone={() => {
                  setRequested(true);
                  setOpen(false);
                }}
              />
            </div>
          </div>
        ) : null}
      </dialog>
    </span>
  );
}
