// Password-reset links: "forgot password" on the sign-in page, or sent by an admin. The link carries a random
// 256-bit token; only its SHA-256 is stored, so a copy of the database opens no account. A link works once and
// until it expires; using it sets the password, ends every session of the user and voids the user's other links.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { emailLocale } from "@/lib/email/job-failed-email";
import { sendEmail as defaultSend, type SendEmail } from "@/lib/email/mailer";
import { renderPasswordResetEmail } from "@/lib/email/password-reset-email";
import { endSessions } from "@/lib/sessions";
import { clearFailures } from "@/lib/sign-in-throttle";
import { hashPassword } from "@/lib/users";

/** A link the user asked for works for an hour; one an admin sent (often for a new account) for three days. */
export const resetLinkHours = { self: 1, admin: 72 } as const;

/** "Forgot password": at most this many requests per hour per address, per e-mail (sent or not), and overall. */
export const resetRequestLimits = {
  address: { limit: 10, windowMs: 3600_000 },
  all: { limit: 300, windowMs: 3600_000 },
  email: { limit: 3, windowMs: 3600_000 },
} as const;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token is 43 base64url characters; anything else is not one (and is not looked up). */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export function resetLink(publicUrl: string, token: string): string {
  const url = new URL("/login/reset", publicUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

export interface ResetRecipient {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export interface SendResetOptions {
  publicUrl: string;
  /** The admin sending it; none when the user asked. */
  sentBy?: { id: string; name: string } | null;
  send?: SendEmail;
  now?: Date;
}

/** Creates a link for the user and e-mails it to them. */
export async function sendResetLink(db: Db, user: ResetRecipient, options: SendResetOptions): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const hours = options.sentBy ? resetLinkHours.admin : resetLinkHours.self;
  const now = options.now ?? new Date();
  await db.passwordReset.create({
    data: {
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + hours * 3600_000),
      requestedById: options.sentBy?.id ?? null,
    },
  });
  const email = await renderPasswordResetEmail({
    locale: emailLocale(user.locale),
    name: user.name,
    link: resetLink(options.publicUrl, token),
    hours,
    sentBy: options.sentBy?.name,
  });
  await (options.send ?? defaultSend)({ to: [user.email], ...email });
}

/** The user a link is for, while it is unused, unexpired and the user active; null otherwise. */
export async function findResetLink(
  db: Db,
  token: unknown,
  now = new Date(),
): Promise<{ userId: string; email: string } | null> {
  if (typeof token !== "string" || !tokenShape.test(token)) return null;
  const row = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { id: true, email: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return null;
  return { userId: row.user.id, email: row.user.email };
}

/**
 * Uses a link: sets the password and ends the user's sessions, or answers false for a link that is unknown,
 * used, expired, or of an inactive user. Two concurrent uses: one wins, the other gets false.
 */
export async function redeemResetLink(db: Db, token: unknown, password: string, now = new Date()): Promise<boolean> {
  if (!(await findResetLink(db, token, now))) return false;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateManyAndReturn({
      where: { tokenHash: hashToken(token as string), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { userId: true },
    });
    const userId = claimed[0]?.userId;
    if (!userId) return false;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, active: true } });
    if (!user.active) return false;
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endSessions(tx, userId);
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await clearFailures(tx as unknown as Db, user.email);
    await recordAudit(tx, { actorId: userId, action: "user.password_reset", targetType: "user", targetId: userId });
    return true;
  });
}

/** Voids every unused link of the user (after a password change). */
export async function voidResetLinks(db: Pick<Db, "passwordReset">, userId: string, now = new Date()): Promise<void> {
  await db.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}
