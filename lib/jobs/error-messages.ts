// A job's stored error in the reader's language. Works with any next-intl translator over the whole
// message tree: useTranslations() in a component, jobErrorTranslator (./error-translator.ts) elsewhere.
import { isJobErrorCode, isServiceCode, readJobErrorParams, settingsFieldFor, type JobErrorCode } from "./error-codes";

/** A translator over the whole message tree (no namespace). */
export interface MessageLookup {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
  raw(key: string): unknown;
}

export interface StoredJobError {
  code: string | null;
  params: unknown;
  /** The stored English text: the technical detail. */
  message: string | null;
}

export interface DescribedJobError {
  code: JobErrorCode;
  /** Short name of the cause ("Invalid NIF"), as the grouped failures show it. */
  label: string;
  /** The cause with its values, or null when the stored values do not fill the message (an older row). */
  message: string | null;
  /** What to do about it. */
  hint: string;
  /** The store setting that fixes it, for causes that are the store's. */
  settingsField: string | null;
}

// {name} and {name, number, …}: the values a message needs (plural branches name their value first too).
const argumentPattern = /\{\s*([A-Za-z][\w]*)\s*[,}]/g;

function fill(t: MessageLookup, key: string, params: Record<string, string | number>): string | null {
  if (!t.has(key)) return null;
  const raw = t.raw(key);
  if (typeof raw !== "string") return null;
  for (const [, name] of raw.matchAll(argumentPattern)) if (!(name! in params)) return null;
  return t(key, params);
}

/** The error in the reader's words, or null for a code the dashboard does not know (show the stored text). */
export function describeJobError(error: StoredJobError, t: MessageLookup): DescribedJobError | null {
  const { code } = error;
  if (!isJobErrorCode(code)) return null;
  const params = readJobErrorParams(error.params);
  const base = `jobErrors.codes.${code}`;
  const message = isServiceCode(code)
    ? fill(t, `serviceErrors.${code}`, { ...params, detail: params.detail ?? error.message ?? "" })
    : fill(t, `${base}.message`, params);
  return {
    code,
    label: t(`${base}.label`),
    message,
    hint: t(`${base}.hint`),
    settingsField: settingsFieldFor[code] ?? null,
  };
}
