import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth";
import { installCallbackRedirect } from "@/lib/connect/routes";
import { getEnv } from "@/lib/env";

export async function GET(request: NextRequest): Promise<Response> {
  const target = await installCallbackRedirect(await getSessionUser(), request.nextUrl.searchParams);
  // Built on NEXTAUTH_URL, not on the request: behind a proxy the request's own host may be an internal one.
  return NextResponse.redirect(new URL(target, getEnv().NEXTAUTH_URL), 303);
}
