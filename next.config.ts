import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The policy with its per-request nonce is set by proxy.ts; these apply to every answer, API routes included.
  headers: async () => [{ source: "/:path*", headers: staticSecurityHeaders }],
};

export default withNextIntl(nextConfig);
