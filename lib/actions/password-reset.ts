"use server";
// "Forgot password" and the page the e-mailed link opens. Both work signed out. Asking for a link answers the
// same whether the address belongs to an account or not, and as fast: the link is made and sent after the
// answer. Requests are limited per client address and overall (an answer says so) and per e-mail (silently:
// a victim's mailbox is not flooded, and nothing tells whether the address exists).
import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { clientAddress } from "@/lib/client-address";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { redeemResetLink, resetRequestLimits, sendResetLink } from "@/lib/password-reset";
import { hitRateLimit, hitRateLimits } from "@/lib/rate-limit";
import { defineAction } from "./action";
import type { ActionResult } from "./result";
import { newPasswordSchema, readPasswordForm } from "./password-schema";

async function sendIfKnown(email: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, locale: true, active: true },
  });
  if (!user?.active) return;
  try {
    await sendResetLink(db, user, { publicUrl: getEnv().NEXTAUTH_URL });
  } catch (error) {
    console.error(`Password-reset e-mail to user ${user.id} not sent: ${String(error)}`);
  }
}

export const requestPasswordReset = defineAction({
  permission: "anyone",
  read: (_prev: ActionResult, form: FormData) => ({ email: form.get("email") }),
  store: { via: "none" },
  input: z.object({ email: z.string().trim().toLowerCase().max(254).pipe(z.email("email_format")) }),
  run: async ({ input: { email } }): Promise<ActionResult> => {
    const address = clientAddress(await headers(), getEnv().PONTE_TRUSTED_PROXIES);
    const limited = await hitRateLimits(db, [
      ...(address ? [{ key: `password-reset:address:${address}`, rule: resetRequestLimits.address }] : []),
      { key: "password-reset:all", rule: resetRequestLimits.all },
    ]);
    if (!limited.ok) return { error: "throttled" };
    const perEmail = await hitRateLimit(db, `password-reset:email:${email}`, resetRequestLimits.email);
    if (perEmail.ok) after(() => sendIfKnown(email));
    return { ok: true };
  },
});

export const resetPassword = defineAction({
  permission: "anyone",
  read: (_prev: ActionResult, form: FormData) => readPasswordForm(form, "token"),
  store: { via: "none" },
  input: newPasswordSchema({ token: z.string().max(100) }),
  run: async ({ input }): Promise<ActionResult> =>
    (await redeemResetLink(db, input.token, input.password)) ? { ok: true } : { error: "link_invalid" },
  redirect: () => "/login?reset=done",
});
