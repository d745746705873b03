// An optimistic check in front of the dashboard pages: a visitor without a session cookie goes straight to
// the sign-in page, remembering where they were going. It only looks for the cookie; every page, action and
// route handler still verifies the session and the user itself (lib/auth.ts).
import { NextResponse, type NextRequest } from "next/server";

const sessionCookies = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes (webhooks, Inngest, sign-in itself) answer for themselves, and static files are public.
  matcher: ["/((?!api/|_next/|login|icon\\.svg|favicon\\.ico|robots\\.txt).*)"],
};
