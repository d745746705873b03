"use client";
// Filters are a GET form: submitting writes them to the URL, which the page reads. Changing a filter starts
// again from the first page (the cursor is not carried over).
import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";
import { Input, Select } from "./field";

export interface FilterSelect {
  name: string;
  label: string;
  value?: string;
  /** The "no filter" option, e.g. "All stores". */
  allLabel: string;
  options: { value: string; label: string }[];
}

export function FilterBar({
  action,
  selects,
  search,
  keep = {},
}: {
  action: string;
  selects: FilterSelect[];
  search?: { name: string; label: string; value?: string; placeholder: string };
  keep?: Record<string, string | undefined>;
}) {
  const t = useTranslations("common");
  const active = selects.some((s) => s.value) || Boolean(search?.value);
  return (
    <Form action={action} className="flex flex-wrap items-end gap-2 border-b border-zinc-100 px-3 py-3" role="search">
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {search ? (
        <label className="min-w-56 flex-1">
          <span className="sr-only">{search.label}</span>
          <Input type="search" name={search.name} defaultValue={search.value} placeholder={search.placeholder} />
        </label>
      ) : null}
      {selects.map((select) => (
        <label key={select.name} className="w-44">
          <span className="mb-1 block text-xs font-medium text-zinc-500">{select.label}</span>
          <Select
            name={select.name}
            defaultValue={select.value ?? ""}
            aria-label={select.label}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
          >
            <option value="">{select.allLabel}</option>
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </label>
      ))}
      <button type="submit" className={buttonClass("secondary")}>
        {t("apply")}
      </button>
      {active ? (
        <Link href={action} className={buttonClass("ghost")}>
          {t("clear")}
        </Link>
      ) : null}
    </Form>
  );
}
