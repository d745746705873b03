"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { renewSession } from "@/lib/auth";
import { db } from "@/lib/db";
import { voidResetLinks } from "@/lib/password-reset";
import { hitRateLimit } from "@/lib/rate-limit";
import { endSessions } from "@/lib/sessions";
import { hashPassword, verifyPassword } from "@/lib/users";
import { localeCookie, locales } from "@/i18n/config";
import { defineAction } from "./action";
import { newPasswordSchema, readPasswordForm } from "./password-schema";
import type { ActionResult } from "./result";

const profileSchema = z.object({
  name: z.string().trim().min(1, "required").max(120),
  locale: z.enum(locales),
});

async function rememberLocale(locale: string): Promise<void> {
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });
}

/** The language switch: a cookie (works signed out too) and, when signed in, the user's profile. */
export const switchLocale = defineAction({
  permission: "anyone",
  read: (locale: string) => locale,
  store: { via: "none" },
  input: z.enum(locales),
  invalid: () => ({ error: "invalid" }),
  run: async ({ user, input: locale }): Promise<ActionResult> => {
    await rememberLocale(locale);
    if (user && user.locale !== locale) await db.user.update({ where: { id: user.id }, data: { locale } });
    return { ok: true };
  },
  revalidate: () => [["/", "layout"]],
});

export const updateProfile = defineAction({
  permission: "signed-in",
  read: (_prev: ActionResult, form: FormData) => ({ name: form.get("name"), locale: form.get("locale") }),
  store: { via: "none" },
  input: profileSchema,
  run: async ({ user, input, audit }): Promise<ActionResult> => {
    if (input.name === user.name && input.locale === user.locale) return { ok: true };
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: input });
      await audit(
        {
          action: "user.profile_updated",
          targetType: "user",
          targetId: user.id,
          details: { from: { name: user.name, locale: user.locale }, to: input },
        },
        tx,
      );
    });
    await rememberLocale(input.locale);
    return { ok: true };
  },
  revalidate: () => [["/", "layout"]],
});

/** Tries of the current password a user gets per quarter hour (a stolen open session cannot guess it). */
const passwordChangeLimit = { limit: 5, windowMs: 15 * 60_000 };

/**
 * The user's own password: the current one, then the new one twice. Every other session of the user ends;
 * this browser gets a new session and stays signed in.
 */
export const changePassword = defineAction({
  permission: "signed-in",
  read: (_prev: ActionResult, form: FormData) => readPasswordForm(form, "currentPassword"),
  store: { via: "none" },
  input: newPasswordSchema({ currentPassword: z.string().min(1, "required").max(200) }),
  run: async ({ user, input, audit }): Promise<ActionResult> => {
    if (!(await hitRateLimit(db, `password-change:${user.id}`, passwordChangeLimit)).ok) return { error: "throttled" };
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
      return { error: "invalid", fields: { currentPassword: "wrong_password" } };
    }
    const passwordHash = await hashPassword(input.password);
    const version = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
      await voidResetLinks(tx, user.id);
      await audit({ action: "user.password_changed", targetType: "user", targetId: user.id }, tx);
      return endSessions(tx, user.id);
    });
    await renewSession(user.id, version);
    return { ok: true };
  },
});
