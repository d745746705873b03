// The browser-side defences every answer carries. Pages get a Content-Security-Policy with a fresh nonce per
// request (proxy.ts): Next puts the nonce on its own scripts, and 'strict-dynamic' lets the scripts those load
// run too, so no inline script an attacker manages to inject can run. Nothing is loaded from other origins.

export interface CspOptions {
  /** `next dev` evaluates code for fast refresh and React's debugging. Never in production. */
  development: boolean;
  /** Served over HTTPS: ask browsers to upgrade any http:// sub-request. */
  https: boolean;
}

export function contentSecurityPolicy(nonce: string, options: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${options.development ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Headers for every answer, pages and API routes alike (next.config.ts). */
export const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Same-origin requests keep the full address (server actions check the origin); others get nothing, so a
  // signed link or a reset token in the address never leaves Ponte.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Two years, subdomains included: once a browser has seen Ponte over HTTPS, it never tries plain HTTP. */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";
