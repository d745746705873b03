// One e-mail when an outage starts (with the number of jobs waiting) and one when it ends (with the number
// of invoices issued since it began), per store; and one about orders close to their legal deadline. Each
// is claimed in the database before it is sent, so two sweeps never send it twice.
import type { Db } from "@/lib/db";
import { emailLocale } from "@/lib/email/job-failed-email";
import { sendEmail as defaultSend, type SendEmail } from "@/lib/email/mailer";
import { renderOutageEmail, type OutageEmailProps } from "@/lib/email/outage-email";
import type { WaitReason } from "@/lib/generated/prisma/enums";

export interface NotifyDeps {
  db: Db;
  publicUrl: string;
  send?: SendEmail;
}

/** After this long, an ended outage is reported even if some of its jobs are still on their way. */
const endReportGraceMs = 2 * 60 * 60_000;
const credentialReasons: WaitReason[] = ["vendus_key", "jumpseller_access"];

async function recipients(db: Db, storeId: string, reason: WaitReason | null) {
  const store = await db.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { name: true, notificationEmails: true },
  });
  const to = new Set(store.notificationEmails);
  // A credential only a person can renew: the admins hear of it too.
  if (reason && credentialReasons.includes(reason)) {
    const admins = await db.user.findMany({ where: { role: "admin", active: true }, select: { email: true } });
    for (const admin of admins) to.add(admin.email);
  }
  const firstUser = await db.storeAccess.findFirst({
    where: { storeId, user: { active: true } },
    orderBy: { user: { createdAt: "asc" } },
    select: { user: { select: { locale: true } } },
  });
  return { storeName: store.name, to: [...to], locale: emailLocale(firstUser?.user.locale) };
}

async function sendToStore(
  deps: NotifyDeps,
  storeId: string,
  reason: WaitReason | null,
  props: OutageEmailProps,
  idempotencyKey: string,
): Promise<boolean> {
  const { storeName, to, locale } = await recipients(deps.db, storeId, reason);
  if (to.length === 0) return false;
  const path = props.kind === "at_risk" ? "/orders" : `/stores/${storeId}`;
  const email = await renderOutageEmail(
    { locale, storeName, dashboardUrl: `${deps.publicUrl.replace(/\/+$/, "")}${path}` },
    props,
  );
  await (deps.send ?? defaultSend)({ to, ...email, idempotencyKey });
  return true;
}

/** The start e-mail of every outage not yet reported; an outage already over by now is not reported at all. */
export async function notifyOutageStarts(deps: NotifyDeps, now = new Date()): Promise<number> {
  const { db } = deps;
  const pending = await db.outage.findMany({ where: { startNotifiedAt: null }, orderBy: { startedAt: "asc" } });
  let sent = 0;
  for (const outage of pending) {
    const claimed = await db.outage.updateMany({
      where: { id: outage.id, startNotifiedAt: null },
      data: { startNotifiedAt: now, ...(outage.endedAt ? { endNotifiedAt: now } : {}) },
    });
    if (claimed.count === 0 || outage.endedAt) continue;
    // With the jobs that wait behind an earlier order of the store: that order waits for the same service.
    const waiting = await db.job.count({
      where: {
        storeId: outage.storeId,
        status: "waiting",
        waitingFor: { in: [outage.reason, "behind_earlier_order"] },
      },
    });
    await db.outage.update({ where: { id: outage.id }, data: { waitingAtStart: waiting } });
    try {
      const props = {
        kind: "started",
        reason: outage.reason,
        waiting,
        since: outage.startedAt,
        detail: outage.message,
      } as const;
      if (await sendToStore(deps, outage.storeId, outage.reason, props, `ponte-outage-start-${outage.id}`)) sent++;
    } catch (error) {
      await db.outage.update({ where: { id: outage.id }, data: { startNotifiedAt: null } });
      throw error;
    }
  }
  return sent;
}

/**
 * The end e-mail of every ended outage whose start was reported, once the jobs that waited are through
 * (or after a grace period), with the number of invoices issued since the outage began.
 */
export async function notifyOutageEnds(deps: NotifyDeps, now = new Date()): Promise<number> {
  const { db } = deps;
  const pending = await db.outage.findMany({
    where: { endedAt: { not: null }, startNotifiedAt: { not: null }, endNotifiedAt: null },
    orderBy: { endedAt: "asc" },
  });
  let sent = 0;
  for (const outage of pending) {
    const endedAt = outage.endedAt!;
    const inFlight = await db.job.count({
      where: {
        storeId: outage.storeId,
        createdAt: { lte: endedAt },
        status: { in: ["waiting_dispatch", "queued", "running", "waiting"] },
      },
    });
    if (inFlight > 0 && now.getTime() - endedAt.getTime() < endReportGraceMs) continue;
    const claimed = await db.outage.updateMany({
      where: { id: outage.id, endNotifiedAt: null },
      data: { endNotifiedAt: now },
    });
    if (claimed.count === 0) continue;
    const invoiced = await db.document.count({
      where: {
        storeId: outage.storeId,
        type: { not: "NC" },
        orderId: { not: null },
        createdAt: { gte: outage.startedAt },
      },
    });
    await db.outage.update({ where: { id: outage.id }, data: { invoicedSince: invoiced } });
    try {
      const props = {
        kind: "ended",
        reason: outage.reason,
        invoiced,
        since: outage.startedAt,
        until: endedAt,
      } as const;
      if (await sendToStore(deps, outage.storeId, outage.reason, props, `ponte-outage-end-${outage.id}`)) sent++;
    } catch (error) {
      await db.outage.update({ where: { id: outage.id }, data: { endNotifiedAt: null } });
      throw error;
    }
  }
  return sent;
}

/** One e-mail per store listing the orders that have just become at risk. */
export async function notifyAtRisk(
  deps: NotifyDeps,
  storeId: string,
  orders: { jobId: string; number: string; deadline: string }[],
): Promise<boolean> {
  if (orders.length === 0) return false;
  const key = `ponte-at-risk-${orders.map((o) => o.jobId).sort()[0]}-${orders.length}`;
  return sendToStore(
    deps,
    storeId,
    null,
    { kind: "at_risk", orders: orders.map((o) => ({ number: o.number, deadline: o.deadline })) },
    key,
  );
}
