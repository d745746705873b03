"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { isLocale, localeCookie, locales } from "@/i18n/config";
import { fieldErrors } from "@/lib/form-errors";
import type { ActionResult } from "./result";

const profileSchema = z.object({
  name: z.string().trim().min(1, "required").max(120),
  locale: z.enum(locales),
});

async function rememberLocale(locale: string): Promise<void> {
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });
}

/** The language switch: a cookie (works signed out too) and, when signed in, the user's profile. */
export async function switchLocale(locale: string): Promise<ActionResult> {
  if (!isLocale(locale)) return { error: "invalid" };
  await rememberLocale(locale);
  const user = await getSessionUser();
  if (user && user.locale !== locale) await db.user.update({ where: { id: user.id }, data: { locale } });
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function updateProfile(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return { error: "unauthenticated" };
  const parsed = profileSchema.safeParse({ name: form.get("name"), locale: form.get("locale") });
  if (!parsed.success) return { error: "invalid", fields: fieldErrors(parsed.error) };
  if (parsed.data.name === user.name && parsed.data.locale === user.locale) return { ok: true };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: parsed.data });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.profile_updated",
      targetType: "user",
      targetId: user.id,
      details: { from: { name: user.name, locale: user.locale }, to: parsed.data },
    });
  });
  await rememberLocale(parsed.data.locale);
  revalidatePath("/", "layout");
  return { ok: true };
}
