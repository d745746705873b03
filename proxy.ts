// In front of every page: a Content-Security-Policy with a fresh nonce (lib/security-headers.ts), and an
// optimistic sign-in check: a visitor without a session cookie goes straight to the sign-in page, remembering
// where they were going. It only looks for the cookie; every page, action and route handler still verifies the
// session and the user itself (lib/auth.ts).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from "@/lib/security-headers";

const sessionCookies = ["next-auth.session-token", "__Secure-next-auth.session-token"];
// Pages a signed-out visitor may open.
const publicPages = ["/login"];

function isPublic(pathname: string): boolean {
  return publicPages.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

function signInRedirect(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export function proxy(request: NextRequest) {
  const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
  const hasSession = sessionCookies.some((name) => request.cookies.has(name));
  let response: NextResponse;
  let csp: string | null = null;
  if (!hasSession && !isPublic(request.nextUrl.pathname)) {
    response = signInRedirect(request);
  } else {
    const nonce = createNonce();
    csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
    // Next reads the nonce from the request's policy and puts it on the scripts it renders.
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  if (csp) response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
  return response;
}

export const config = {
  // Pages only: API routes (webhooks, Inngest, sign-in itself) answer for themselves, and static files are public.
  matcher: ["/((?!api/|_next/static|_next/image|icon\\.svg|favicon\\.ico|robots\\.txt).*)"],
};
