// The UI languages. No locale in URLs: the choice lives in a cookie, then in the user's profile.
export const locales = ["pt-PT", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "pt-PT";
export const localeCookie = "PONTE_LOCALE";
// Every date and time on screen is Portuguese legal time, whatever the browser's zone.
export const timeZone = "Europe/Lisbon";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
