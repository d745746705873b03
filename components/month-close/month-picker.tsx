// The month in the URL (?month=YYYY-MM): a plain GET form, so the choice is a link that can be shared.
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export async function MonthPicker({ month, max }: { month: string; max: string }) {
  const t = await getTranslations("monthClose");
  return (
    <form method="get" className="flex items-end gap-2" aria-label={t("pickMonth")}>
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
        {t("month")}
        <input
          type="month"
          name="month"
          defaultValue={month}
          max={max}
          required
          className="rounded-md border border-zinc-300 px-2 py-1.5 text-sm text-zinc-900"
        />
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        {t("show")}
      </button>
    </form>
  );
}
