// Money is handled in integer cents. Services send amounts as strings ("123.00") or numbers.

/** Parses "12.34", "12.3", 12.34 or "1234" into cents, rounding half away from zero at the third decimal. */
export function toCents(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === "") return 0;
  const text = typeof value === "number" ? value.toString() : value.trim();
  if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) throw new Error(`Not an amount: ${JSON.stringify(value)}`);
  if (/e/i.test(text)) return Math.round(Number(text) * 100);
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  const padded = (fraction + "000").slice(0, 3);
  let cents = Number(whole) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1;
  return negative ? -cents : cents;
}

/** Formats cents as the decimal string Vendus expects ("12.30"). */
export function centsToDecimal(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  return `${negative ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats cents as euros for display, in the user's locale ("12,30 €" in pt-PT, "€12.30" in en). */
export function formatEuros(cents: number, locale: string, currency = "EUR"): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}
