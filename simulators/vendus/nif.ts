// Portuguese NIF: 9 digits, the last a mod-11 check digit over the first eight (weights 9…2). Vendus's own
// check, written apart from Ponte's (lib/invoicing) on purpose: an independent oracle.

/** The NIF AT prints for "Consumidor final"; Vendus refuses it through the API. */
export const CONSUMIDOR_FINAL_NIF = "999999990";

export function isValidPortugueseNif(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(value[i]) * (9 - i);
  const remainder = sum % 11;
  const check = remainder < 2 ? 0 : 11 - remainder;
  return check === Number(value[8]);
}

/** Whether a client fiscal id is Portuguese (checked with mod-11) rather than a foreign VAT number. */
export function isPortugueseFiscalId(fiscalId: string, country: string | undefined): boolean {
  const normalized = fiscalId.replace(/\s/g, "").toUpperCase();
  if (normalized.startsWith("PT")) return true;
  if (/^[A-Z]{2}/.test(normalized)) return false;
  return !country || country.toUpperCase() === "PT";
}
