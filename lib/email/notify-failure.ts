// E-mail about a failed job, at most one per store and hour: the first failure in an hour window sends the
// message, later ones in the same window are added to the same Notification row (shown in the dashboard)
// without another e-mail, so a Vendus outage does not become a hundred messages.
import type { Db } from "@/lib/db";
import { emailLocale, renderJobFailedEmail } from "./job-failed-email";
import { sendEmail as defaultSend, type SendEmail } from "./mailer";

export interface NotifyOptions {
  publicUrl: string;
  send?: SendEmail;
  now?: Date;
}

export type NotifyResult =
  | { status: "sent" | "logged"; notificationId: string; messageId: string | null }
  | { status: "grouped" | "no_recipients" | "already_sent"; notificationId: string | null };

export function hourWindow(at: Date): Date {
  const window = new Date(at);
  window.setUTCMinutes(0, 0, 0);
  return window;
}

export async function notifyJobFailure(db: Db, jobId: string, options: NotifyOptions): Promise<NotifyResult> {
  const job = await db.job.findUniqueOrThrow({
    where: { id: jobId },
    select: {
      id: true,
      kind: true,
      subject: true,
      storeId: true,
      lastErrorKind: true,
      lastErrorMessage: true,
      lastErrorCode: true,
      lastErrorParams: true,
      order: { select: { jumpsellerId: true } },
      store: { select: { name: true, notificationEmails: true } },
    },
  });
  const window = hourWindow(options.now ?? new Date());
  // One statement claims the window or joins it, race-free against failures arriving together.
  const [claim] = await db.$queryRaw<{ id: string; jobIds: string[]; sentAt: Date | null }[]>`
    INSERT INTO "Notification" ("id", "storeId", "window", "jobIds")
    VALUES (gen_random_uuid()::text, ${job.storeId}, ${window}, ARRAY[${job.id}])
    ON CONFLICT ("storeId", "window") DO UPDATE SET "jobIds" =
      CASE WHEN ${job.id} = ANY("Notification"."jobIds") THEN "Notification"."jobIds"
           ELSE array_append("Notification"."jobIds", ${job.id}) END
    RETURNING "id", "jobIds", "sentAt"`;
  if (!claim) throw new Error("claiming the notification window returned no row");
  // The window's first job sends; a retried step of that job sends again only if the first try did not.
  if (claim.jobIds[0] !== job.id) return { status: "grouped", notificationId: claim.id };
  if (claim.sentAt) return { status: "already_sent", notificationId: claim.id };
  const to = job.store.notificationEmails;
  if (to.length === 0) {
    console.warn(`Job ${job.id} failed; store ${job.storeId} has no notification e-mail addresses.`);
    return { status: "no_recipients", notificationId: claim.id };
  }

  const firstUser = await db.storeAccess.findFirst({
    where: { storeId: job.storeId, user: { active: true } },
    orderBy: { user: { createdAt: "asc" } },
    select: { user: { select: { locale: true } } },
  });
  const email = await renderJobFailedEmail({
    locale: emailLocale(firstUser?.user.locale),
    storeName: job.store.name,
    kind: job.kind,
    subject: job.order ? String(job.order.jumpsellerId) : job.subject,
    errorKind: job.lastErrorKind ?? "internal",
    cause: job.lastErrorMessage ?? "Unknown error",
    errorCode: job.lastErrorCode,
    errorParams: job.lastErrorParams,
    dashboardUrl: `${options.publicUrl.replace(/\/+$/, "")}/jobs?status=failed&store=${encodeURIComponent(job.storeId)}`,
  });
  const sent = await (options.send ?? defaultSend)({ to, ...email, idempotencyKey: `ponte-notification-${claim.id}` });
  await db.notification.update({ where: { id: claim.id }, data: { sentAt: new Date(), messageId: sent.id } });
  return { status: sent.logged ? "logged" : "sent", notificationId: claim.id, messageId: sent.id };
}
