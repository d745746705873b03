import { parseArgs, type ParseArgsConfig } from "node:util";
import { readYesNo } from "@/lib/yes-no";
import { type CliContext, UsageError } from "./types";

export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} is required`);
  return value;
}

/** The store a `--store <code>` flag names; a code no store has is a usage error. */
export async function storeWithCode(db: CliContext["db"], code: string) {
  const store = await db.store.findUnique({ where: { code }, select: { id: true, code: true } });
  if (!store) throw new UsageError(`no store with code "${code}"`);
  return store;
}

export function optionalInt(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number`);
  return Number(value);
}

export function yesNo(value: string | undefined, flag: string): boolean | undefined {
  if (value === undefined) return undefined;
  const answer = readYesNo(value);
  if (answer === undefined) throw new UsageError(`--${flag} must be yes or no`);
  return answer;
}

/** Prints rows as aligned columns. */
export function table(rows: Record<string, string | number | null>[], out: (line: string) => void): void {
  if (rows.length === 0) return out("(none)");
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? "").length)));
  out(keys.map((k, i) => k.padEnd(widths[i]!)).join("  "));
  for (const row of rows) out(keys.map((k, i) => String(row[k] ?? "").padEnd(widths[i]!)).join("  "));
}
