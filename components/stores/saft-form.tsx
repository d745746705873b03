"use client";
// SAF-T download for one store: a month (the previous one by default, since the file is due by day 5) and
// the file, fetched through Ponte's route so that errors from Vendus can be shown here, next to the form.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionStatus, type ActionStatusMessage } from "@/components/actions/action-status";
import { downloadFrom } from "@/components/actions/download";
import { useErrorMessage } from "@/components/actions/error-message";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

export interface Period {
  year: number;
  month: number;
}

export function SaftForm({
  storeId,
  defaultPeriod,
  latest,
}: {
  storeId: string;
  defaultPeriod: Period;
  latest: Period;
}) {
  const t = useTranslations("actions.saft");
  const errorMessage = useErrorMessage("actions.saft.errors");
  const locale = useLocale();
  const [year, setYear] = useState(defaultPeriod.year);
  const [month, setMonth] = useState(defaultPeriod.month);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionStatusMessage>(null);
  const monthName = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  const years = Array.from({ length: 6 }, (_, i) => latest.year - i);
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => year < latest.year || m <= latest.month);

  function download(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await downloadFrom(
        `/api/stores/${storeId}/saft?year=${year}&month=${month}`,
        `SAFT-PT_${year}-${String(month).padStart(2, "0")}.xml`,
      );
      if (result.ok) setMessage({ tone: "success", text: t("downloaded", { filename: result.filename }) });
      else setMessage({ tone: "error", text: errorMessage(result.error, result.detail) });
    });
  }

  return (
    <form onSubmit={download} className="space-y-3 px-4 py-4" aria-label={t("title")}>
      <div className="grid grid-cols-[1fr_6rem] gap-2">
        <Field label={t("month")} htmlFor="saft-month">
          <Select id="saft-month" value={month} onChange={(event) => setMonth(Number(event.currentTarget.value))}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthName.format(new Date(Date.UTC(2000, m - 1, 1)))}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("year")} htmlFor="saft-year">
          <Select
            id="saft-year"
            value={year}
            onChange={(event) => {
              const next = Number(event.currentTarget.value);
              setYear(next);
              if (next === latest.year && month > latest.month) setMonth(latest.month);
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={isPending}>
          {isPending ? t("pending") : t("download")}
        </Button>
        <ActionStatus message={message} />
      </div>
    </form>
  );
}
