"use client";
// The credit-note form: whole invoice or chosen lines (never more than is still creditable), a reason, and
// the amount that will be credited. The server checks everything again before asking for the credit note.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useActionError } from "@/components/actions/use-action-messages";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { submitCreditNote, type CreditNoteActionResult } from "@/lib/actions/credit-notes";
import { selectionAmountCents } from "@/lib/credit-notes/balance";
import type { InvoiceBalance } from "@/lib/data/credit-notes";
import { formatEuros } from "@/lib/format";
import type { CreditReasonPreset } from "@/lib/invoicing";
import { CreditLines, parseQty } from "./credit-lines";

export interface CreditableInvoiceView {
  id: string;
  number: string;
  amountGrossCents: number;
}

type Preset = CreditReasonPreset;

export function CreditNoteForm({
  invoice,
  balance,
  presets,
  currency,
  defaultReason,
  onDone,
  onCancel,
}: {
  invoice: CreditableInvoiceView;
  balance: InvoiceBalance;
  /** The reasons lib/jobs/credit-notes.ts accepts, in the order to offer them. */
  presets: readonly Preset[];
  currency: string;
  defaultReason?: Preset;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("actions.creditNote");
  const locale = useLocale();
  const errorText = useActionError();
  const [isPending, startTransition] = useTransition();
  const [whole, setWhole] = useState(true);
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [preset, setPreset] = useState<Preset | "">(defaultReason ?? "");
  const [text, setText] = useState("");
  const [result, setResult] = useState<CreditNoteActionResult>(null);
  const [chooseLine, setChooseLine] = useState(false);
  // A refusal is about what was sent: once the form changes, it no longer applies.
  const clearAnswer = () => {
    setResult(null);
    setChooseLine(false);
  };

  const lines = balance.lines;
  const chosen = lines
    ? lines
        .map((line) => ({ row: line.row, qty: whole ? line.creditable : parseQty(quantities[line.row]) }))
        .filter((l) => l.qty > 0)
    : [];
  const amount = lines
    ? selectionAmountCents(lines, chosen)
    : { cents: Math.max(0, invoice.amountGrossCents - balance.creditedCents), exact: true };
  const field = (name: string) => {
    const code = result && "fields" in result ? result.fields?.[name] : undefined;
    return code ? (t.has(`fields.${code}`) ? t(`fields.${code}`) : t("fields.invalid")) : undefined;
  };
  const problems = result && "problems" in result ? (result.problems ?? []) : [];
  const formError =
    result && "error" in result && !problems.length && !("fields" in result && result.fields)
      ? errorText(result.error)
      : null;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!whole && chosen.length === 0) {
      setChooseLine(true);
      return;
    }
    setChooseLine(false);
    startTransition(async () => {
      const answer = await submitCreditNote({
        documentId: invoice.id,
        reason: { preset: preset as Preset, ...(text.trim() ? { text: text.trim() } : {}) },
        ...(whole ? {} : { lines: chosen }),
      });
      setResult(answer);
      if (answer && "ok" in answer) onDone();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label={t("title", { number: invoice.number })}>
      <div
        role="note"
        className="flex gap-2.5 rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600">
          <path d="M8.6 3.2a1.6 1.6 0 0 1 2.8 0l6.2 11.1A1.6 1.6 0 0 1 16.2 17H3.8a1.6 1.6 0 0 1-1.4-2.7L8.6 3.2ZM10 7a.9.9 0 0 0-.9.9v3.4a.9.9 0 0 0 1.8 0V7.9A.9.9 0 0 0 10 7Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" />
        </svg>
        <p>{t("warning")}</p>
      </div>

      <fieldset>
        <legend className="mb-2 text-xs font-medium text-zinc-700">{t("scope")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(["full", "lines"] as const).map((scope) => (
            <label
              key={scope}
              className="flex cursor-pointer items-start gap-2.5 rounded-md px-3 py-2 ring-1 ring-inset ring-zinc-200 has-checked:bg-teal-50/60 has-checked:ring-teal-600 has-disabled:cursor-not-allowed has-disabled:opacity-50"
            >
              <input
                type="radio"
                name="scope"
                className="mt-0.5 accent-teal-700"
                checked={scope === "full" ? whole : !whole}
                disabled={scope === "lines" && !lines}
                onChange={() => {
                  setWhole(scope === "full");
                  clearAnswer();
                }}
              />
              <span>
                <span className="block text-sm font-medium text-zinc-900">
                  {scope === "full" ? t("scopeFull") : t("scopeLines")}
                </span>
                <span className="block text-xs text-zinc-500">
                  {scope === "full" ? t("scopeFullHint") : t("scopeLinesHint")}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {lines ? (
        <CreditLines
          lines={lines}
          whole={whole}
          quantities={quantities}
          currency={currency}
          onChange={(row, value) => {
            setQuantities((q) => ({ ...q, [row]: value }));
            clearAnswer();
          }}
        />
      ) : null}
      {chooseLine || field("lines") ? (
        <p role="alert" className="text-xs text-red-700">
          {chooseLine ? t("chooseLine") : field("lines")}
        </p>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-[17rem_1fr]">
        <Field label={t("reason")} htmlFor="credit-reason" error={field("reason")}>
          <Select
            id="credit-reason"
            value={preset}
            onChange={(event) => {
              setPreset(event.currentTarget.value as Preset);
              clearAnswer();
            }}
            required
          >
            <option value="" disabled>
              —
            </option>
            {presets.map((value) => (
              <option key={value} value={value}>
                {t(`reasons.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t("reasonText")}
          htmlFor="credit-reason-text"
          error={field("reasonText")}
          hint={preset === "other" ? t("reasonTextOtherHint") : t("reasonTextHint")}
        >
          <Input
            id="credit-reason-text"
            value={text}
            maxLength={200}
            required={preset === "other"}
            onChange={(event) => {
              setText(event.currentTarget.value);
              clearAnswer();
            }}
          />
        </Field>
      </div>

      {problems.length > 0 || formError ? (
        <ul
          role="alert"
          className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200"
        >
          {problems.map((problem, i) => (
            <li key={i}>
              {t(`problems.${problem.code}`, { title: "", row: "", number: invoice.number, ...problem.params })}
            </li>
          ))}
          {formError ? <li>{formError}</li> : null}
        </ul>
      ) : null}

      <div className="flex flex-wrap items-end justify-between gap-4 border-t border-zinc-100 pt-4">
        <div>
          <p className="text-xs font-medium text-zinc-500">{t("amount")}</p>
          <p className="text-2xl font-semibold tabular-nums text-zinc-900" data-testid="credit-amount">
            {amount.exact ? "" : "≈ "}
            {formatEuros(amount.cents, locale, currency)}
          </p>
          {!amount.exact ? <p className="max-w-sm text-xs text-zinc-500">{t("estimate")}</p> : null}
        </div>
        <div className="flex gap-2">
          <Button variant="ghost" onClick={onCancel} disabled={isPending}>
            {t("cancel")}
          </Button>
          <Button type="submit" variant="primary" disabled={isPending || amount.cents <= 0 || !preset}>
            {isPending ? t("pending") : t("submit")}
          </Button>
        </div>
      </div>
    </form>
  );
}
