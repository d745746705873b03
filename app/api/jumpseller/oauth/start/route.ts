import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth";
import { installStartRedirect } from "@/lib/connect/routes";
import { getEnv } from "@/lib/env";

export async function GET(): Promise<Response> {
  const target = installStartRedirect(await getSessionUser());
  return NextResponse.redirect(new URL(target, getEnv().NEXTAUTH_URL), 303);
}
