"use client";
// Fix it where it failed: the customer's data corrected for this order in Ponte (the Jumpseller order is left as
// it is), then the failed invoice sent again in the same click; for an issued invoice, credit and reissue.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionStatus, type ActionStatusMessage } from "@/components/actions/action-status";
import { useActionError } from "@/components/actions/use-action-messages";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Checkbox, Field, Input } from "@/components/ui/field";
import { correctOrder, creditAndReissue, removeCorrection } from "@/lib/actions/corrections";
import type { OrderCorrection } from "@/lib/invoicing";

/** The stored correction as the engine reads it, with the order's values it replaced. */
export interface CorrectionValues extends OrderCorrection {
  original: { taxId?: string | null; name?: string | null; address?: string | null } | null;
}

/** The customer's address, each a plain text field named as in OrderCorrection (and in the messages). */
const addressFields = ["name", "address", "postalCode", "city"] as const;

export function OrderCorrection({
  orderId,
  correction,
  canRetry,
  reissue,
}: {
  orderId: string;
  correction: CorrectionValues | null;
  /** The order's invoice job failed: saving sends it again. */
  canRetry: boolean;
  /** The live invoice an accountant may credit and reissue with the corrected data. */
  reissue: { documentId: string; number: string } | null;
}) {
  const t = useTranslations("correction");
  const errorText = useActionError();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionStatusMessage>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [consumidorFinal, setConsumidorFinal] = useState(correction?.consumidorFinal ?? false);
  const [confirming, setConfirming] = useState(false);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  // A saved or removed correction comes back with the page: the fields start again from the stored values,
  // while the outcome of what the user just did stays shown.
  const correctionKey = JSON.stringify(correction);
  const [shownKey, setShownKey] = useState(correctionKey);
  if (shownKey !== correctionKey) {
    setShownKey(correctionKey);
    setConsumidorFinal(correction?.consumidorFinal ?? false);
    setConfirmingRemoval(false);
  }

  function save(form: FormData) {
    setMessage(null);
    setFields({});
    const value = (key: string) => String(form.get(key) ?? "");
    startTransition(async () => {
      const result = await correctOrder({
        orderId,
        taxId: value("taxId"),
        taxCountry: value("taxCountry"),
        consumidorFinal,
        name: value("name"),
        address: value("address"),
        postalCode: value("postalCode"),
        city: value("city"),
        retry: canRetry,
      });
      if (!result) return;
      if ("error" in result) {
        setFields(result.fields ?? {});
        setMessage({ tone: "error", text: errorText(result.error) });
      } else setMessage({ tone: "success", text: result.retried ? t("savedRetried") : t("saved") });
    });
  }

  function reissueNow() {
    if (!reissue) return;
    setMessage(null);
    startTransition(async () => {
      const result = await creditAndReissue(reissue.documentId, reissue.number);
      setConfirming(false);
      if (!result) return;
      if ("error" in result)
        setMessage({
          tone: "error",
          text: t.has(`refusals.${result.error}`) ? t(`refusals.${result.error}`) : errorText(result.error),
        });
      else setMessage({ tone: "success", text: result.repeated ? t("reissueRepeated") : t("reissueRequested") });
    });
  }

  function removeNow() {
    setMessage(null);
    startTransition(async () => {
      const result = await removeCorrection(orderId);
      setConfirmingRemoval(false);
      if (!result) return;
      if ("error" in result) setMessage({ tone: "error", text: errorText(result.error) });
      else setMessage({ tone: "success", text: t("removed") });
    });
  }

  const fieldError = (key: string) => (fields[key] ? t(`problems.${fields[key]}`) : undefined);
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <form key={correctionKey} action={save} className="grid gap-3 px-4 py-3 sm:grid-cols-2" aria-label={t("title")}>
        {correction?.original ? (
          <p className="text-xs text-zinc-600 sm:col-span-2" data-testid="correction-original">
            {t("original", {
              taxId: correction.original.taxId ?? "—",
              name: correction.original.name ?? "—",
            })}
          </p>
        ) : null}
        <Field label={t("taxId")} htmlFor="correction-taxId" error={fieldError("taxId")} hint={t("taxIdHint")}>
          <Input
            id="correction-taxId"
            name="taxId"
            defaultValue={correction?.taxId ?? ""}
            disabled={consumidorFinal}
            autoComplete="off"
          />
        </Field>
        <Field label={t("taxCountry")} htmlFor="correction-taxCountry" hint={t("taxCountryHint")}>
          <Input
            id="correction-taxCountry"
            name="taxCountry"
            maxLength={2}
            defaultValue={correction?.taxCountry ?? ""}
            disabled={consumidorFinal}
          />
        </Field>
        <div className="sm:col-span-2">
          <Checkbox
            label={t("consumidorFinal")}
            hint={t("consumidorFinalHint")}
            checked={consumidorFinal}
            onChange={(event) => setConsumidorFinal(event.target.checked)}
          />
        </div>
        {addressFields.map((key) => (
          <Field key={key} label={t(key)} htmlFor={`correction-${key}`}>
            <Input id={`correction-${key}`} name={key} defaultValue={correction?.[key] ?? ""} />
          </Field>
        ))}
        {fields.form ? <p className="text-xs text-red-700 sm:col-span-2">{fieldError("form")}</p> : null}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" size="sm" variant="primary" disabled={pending}>
            {canRetry ? t("saveAndRetry") : t("save")}
          </Button>
          {correction && !confirmingRemoval ? (
            <Button
              type="button"
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => setConfirmingRemoval(true)}
            >
              {t("remove")}
            </Button>
          ) : null}
          {reissue && !confirming ? (
            <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => setConfirming(true)}>
              {t("reissue", { number: reissue.number })}
            </Button>
          ) : null}
          <ActionStatus message={message} />
        </div>
        {correction && confirmingRemoval ? (
          <ConfirmPanel
            question={t("removeConfirm")}
            yes={t("removeYes")}
            cancel={t("cancel")}
            pending={pending}
            onYes={removeNow}
            onCancel={() => setConfirmingRemoval(false)}
          />
        ) : null}
        {reissue && confirming ? (
          <ConfirmPanel
            question={t("reissueConfirm", { number: reissue.number })}
            yes={t("reissueYes")}
            cancel={t("cancel")}
            pending={pending}
            onYes={reissueNow}
            onCancel={() => setConfirming(false)}
          />
        ) : null}
      </form>
    </Card>
  );
}

/** Asks before a step that cannot be undone: yes (danger) or cancel. */
function ConfirmPanel(props: {
  question: string;
  yes: string;
  cancel: string;
  pending: boolean;
  onYes: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 sm:col-span-2" role="group">
      <p>{props.question}</p>
      <div className="mt-2 flex gap-2">
        <Button type="button" size="sm" variant="danger" disabled={props.pending} onClick={props.onYes}>
          {props.yes}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={props.onCancel}>
          {props.cancel}
        </Button>
      </div>
    </div>
  );
}
