// What the watch-outages function does every minute: probe the open breakers that are due (one probe per
// breaker at a time), resume the jobs of a service that answered, send parked jobs whose time has come and
// invoices that no earlier order holds back any more, mark orders at risk of missing their legal deadline,
// and send the outage e-mails.
import type { Db } from "@/lib/db";
import { isServiceError } from "@/lib/errors";
import type { WaitReason } from "@/lib/generated/prisma/enums";
import type { SendEmail } from "@/lib/email/mailer";
import type { SendEvents } from "@/lib/jobs/dispatch";
import { releaseUnheldJobs } from "@/lib/jobs/payment-order";
import { invoiceDeadline } from "@/lib/legal-deadline";
import { DataProblem } from "@/lib/pipeline/errors";
import type { PipelineServices } from "@/lib/pipeline/services";
import { claimDueProbes, closeBreaker, probeFailed, type ClaimedProbe } from "./breaker";
import { notifyAtRisk, notifyOutageEnds, notifyOutageStarts } from "./notify";
import { releaseParkedJobs } from "./park";
import { atRiskPaidBefore } from "./policy";

export interface WatchDeps {
  services: PipelineServices;
  send?: SendEvents;
  sendEmail?: SendEmail;
}

/** Asks the service one cheap question with the store's own credentials. */
async function probe(services: PipelineServices, breaker: ClaimedProbe): Promise<void> {
  const clients = await services.forStore(breaker.probeStoreId);
  if (breaker.service === "vendus") await clients.vendus.getAccount();
  else await clients.jumpseller.getStoreInfo();
}

function stillDown(error: unknown): boolean {
  if (error instanceof DataProblem) return false;
  if (isServiceError(error)) return error.kind === "transient" || error.kind === "rate_limited";
  return true;
}

/** Ends the open outages of a breaker and sends their stores' waiting jobs again, oldest payment first. */
async function resumeAfterBreaker(db: Db, breaker: ClaimedProbe, now: Date, send?: SendEvents) {
  const reason: WaitReason = breaker.service;
  const outages = await db.outage.findMany({
    where: { breakerId: breaker.id, endedAt: null },
    select: { id: true, storeId: true },
  });
  await db.outage.updateMany({ where: { id: { in: outages.map((o) => o.id) } }, data: { endedAt: now } });
  const storeIds = breaker.service === "jumpseller" ? [breaker.key] : outages.map((o) => o.storeId);
  if (storeIds.length === 0) return 0;
  const released = await releaseParkedJobs(db, { storeId: { in: storeIds }, waitingFor: reason }, send);
  return released.sent.length;
}

export interface ProbeReport {
  service: string;
  key: string;
  up: boolean;
  resumed: number;
  nextProbeAt: Date | null;
}

export async function probeDueBreakers(deps: WatchDeps, now = new Date()): Promise<ProbeReport[]> {
  const { db } = deps.services;
  const reports: ProbeReport[] = [];
  for (const breaker of await claimDueProbes(db, now)) {
    try {
      await probe(deps.services, breaker);
    } catch (error) {
      if (stillDown(error)) {
        const message = error instanceof Error ? error.message : String(error);
        const next = await probeFailed(db, breaker, message, now);
        reports.push({ service: breaker.service, key: breaker.key, up: false, resumed: 0, nextProbeAt: next });
        continue;
      }
      // Any other answer (a refused key, say) means the service is there; the jobs will meet that answer.
    }
    await closeBreaker(db, breaker.id);
    const resumed = await resumeAfterBreaker(db, breaker, now, deps.send);
    reports.push({ service: breaker.service, key: breaker.key, up: true, resumed, nextProbeAt: null });
  }
  return reports;
}

/** Parked jobs whose delay is over, unless their service's breaker is open (they wait for its probe). */
export async function resumeDueJobs(db: Db, now = new Date(), send?: SendEvents): Promise<number> {
  const released = await releaseParkedJobs(db, { retryAt: { lte: now } }, send);
  return released.sent.length;
}

/** Unfinished invoice jobs one working day from their order's deadline: marked, audited, e-mailed once. */
export async function markAtRiskJobs(deps: WatchDeps, now = new Date()): Promise<number> {
  const { db, publicUrl } = deps.services;
  const marked = await db.$queryRaw<{ jobId: string; storeId: string; number: number; paidAt: Date }[]>`
    UPDATE "Job" AS j SET "atRiskAt" = ${now}
    FROM "Order" AS o
    WHERE j."orderId" = o."id" AND j."kind" = 'invoice_order' AND j."atRiskAt" IS NULL
      AND j."status" IN ('waiting_dispatch', 'queued', 'running', 'waiting')
      AND COALESCE(o."paidAt", o."orderedAt") < ${atRiskPaidBefore(now)}
    RETURNING j."id" AS "jobId", j."storeId", o."jumpsellerId" AS number, COALESCE(o."paidAt", o."orderedAt") AS "paidAt"`;
  if (marked.length === 0) return 0;
  await db.auditEvent.createMany({
    data: marked.map((m) => ({
      storeId: m.storeId,
      action: "order.invoice_at_risk",
      targetType: "job",
      targetId: m.jobId,
      details: { order: m.number, deadline: invoiceDeadline(m.paidAt) },
    })),
  });
  const byStore = new Map<string, typeof marked>();
  for (const m of marked) byStore.set(m.storeId, [...(byStore.get(m.storeId) ?? []), m]);
  for (const [storeId, rows] of byStore) {
    await notifyAtRisk(
      { db, publicUrl, send: deps.sendEmail },
      storeId,
      rows.map((r) => ({ jobId: r.jobId, number: String(r.number), deadline: invoiceDeadline(r.paidAt) })),
    );
  }
  return marked.length;
}

export async function watchOutages(deps: WatchDeps, now = new Date()) {
  const { db, publicUrl } = deps.services;
  const probes = await probeDueBreakers(deps, now);
  // Invoices waiting behind an earlier order that nothing holds back any more (a release that was lost).
  const unheld = await releaseUnheldJobs(db, undefined, deps.send);
  const resumed = (await resumeDueJobs(db, now, deps.send)) + unheld.length;
  const atRisk = await markAtRiskJobs(deps, now);
  const notify = { db, publicUrl, send: deps.sendEmail };
  const started = await notifyOutageStarts(notify, now);
  const ended = await notifyOutageEnds(notify, now);
  return { probes, resumed, atRisk, emails: { started, ended } };
}
