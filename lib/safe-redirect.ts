// Where to go after signing in: only a page of Ponte itself. The decision is made by parsing the value against
// the app's own origin, not by looking at its first characters: browsers drop tabs and newlines inside URLs
// and read "\" as "/", so "/\t/evil.com" or "/\evil.com" would otherwise leave the site.

// C0 controls (tab, newline…), DEL and the backslash have no business in a path Ponte links to.
const forbidden = /[\u0000-\u001f\u007f\\]/;

/** A same-origin path (with query and hash) for `value`, or "/" when it is missing or could lead elsewhere. */
export function safeCallbackPath(value: unknown, origin: string): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return "/";
  if (forbidden.test(raw) || !raw.startsWith("/") || raw.startsWith("//")) return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.com" normalises to "//evil.com", which a browser reads as another host.
  return path.startsWith("//") || forbidden.test(path) ? "/" : path;
}
