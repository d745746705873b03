// The readiness checklist as text, for the CLI and logs: one line per item (✓ ok, ! warning, ✗ problem),
// each problem followed by how to fix it, in the words the dashboard shows (messages/*.json).
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import english from "@/messages/en.json";
import type { Readiness, ReadinessItem, ReadinessStatus } from "./evaluate";

const marks: Record<ReadinessStatus, string> = { ok: "✓", warn: "!", fail: "✗" };

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

export function readinessTranslator(
  messages: AbstractIntlMessages = english,
  locale = "en",
  onError?: (error: Error) => void,
) {
  const t = createTranslator({ locale, messages, namespace: "readiness", onError }) as unknown as Translate;
  return {
    item: (item: ReadinessItem) => t(`items.${item.code}`, item.params),
    fix: (item: ReadinessItem) => (t.has(`fixes.${item.code}`) ? t(`fixes.${item.code}`, item.params) : null),
    t,
  };
}

/** The checklist, then a one-line verdict. */
export function describeReadiness(readiness: Readiness, storeCode: string): string[] {
  const words = readinessTranslator();
  const lines: string[] = [];
  for (const item of readiness.items) {
    lines.push(`  ${marks[item.status]} ${words.item(item)}`);
    const fix = item.status === "ok" ? null : words.fix(item);
    if (fix) lines.push(`      ${words.t("fix")}: ${fix}`);
  }
  const problems = readiness.items.filter((i) => i.status === "fail").length;
  const warnings = readiness.items.filter((i) => i.status === "warn").length;
  const verdict = readiness.ready ? words.t("ready") : words.t("notReady");
  const counts = [
    problems > 0 ? words.t("problems", { count: problems }) : null,
    warnings > 0 ? words.t("warnings", { count: warnings }) : null,
  ].filter(Boolean);
  lines.push(`${storeCode}: ${verdict}${counts.length ? ` (${counts.join(", ")})` : ""}.`);
  return lines;
}
