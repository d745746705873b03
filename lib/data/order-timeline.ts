// Everything that happened to one order, oldest first: the webhooks received (repeats counted), each run of its
// jobs and each failed attempt, the documents issued, their attachment and history note in Jumpseller, the
// e-mails sent about its failures and what people did (corrections, retries, credit notes, reissues).
// Every read goes through an index on the order, its jobs or its documents: the cost does not grow with the
// store's history.
import { storeScope, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import type { DocumentType, ErrorKind, JobEventType, JobKind } from "@/lib/generated/prisma/enums";

/** The user actions (and the one warning from the system) the timeline shows from the audit log. */
export const timelineAuditActions = [
  "order.corrected",
  "order.correction_removed",
  "job.retried",
  "credit_note.requested",
  "invoice.reissue_requested",
  "order.invoice_at_risk",
] as const;
export type TimelineAuditAction = (typeof timelineAuditActions)[number];

// The audit events the pipeline writes when it issues a document: they say which job issued it.
const issuedActions = ["document.issued", "credit_note.issued"];

// The deliveries recorded for an order (order_updated on payment is stored as order_paid, see lib/ingest).
const orderEvents = ["order_paid", "order_canceled"];

export type TimelineEntry = { at: Date } & (
  | { kind: "webhook"; event: string; duplicates: number; lastSeenAt: Date }
  | { kind: "job_created"; job: JobKind }
  | {
      kind: "job";
      job: JobKind;
      type: JobEventType;
      dispatch: number;
      attempt: number | null;
      errorKind: ErrorKind | null;
      errorCode: string | null;
      errorParams: unknown;
      message: string | null;
    }
  | {
      kind: "document";
      documentId: string;
      type: DocumentType;
      number: string;
      atcud: string | null;
      grossCents: number;
      credits: string | null;
      replaces: string | null;
    }
  | { kind: "attached"; number: string; type: DocumentType }
  | { kind: "history_note"; job: JobKind; number: string | null }
  | { kind: "email"; job: JobKind }
  | { kind: "user"; action: TimelineAuditAction; actor: string | null; summary: string | null }
);

// Within the same instant, the order in which things happen: a delivery creates a job, a run issues a document…
const rank: Record<TimelineEntry["kind"], number> = {
  webhook: 0,
  user: 1,
  job_created: 2,
  job: 3,
  document: 4,
  attached: 5,
  history_note: 6,
  email: 7,
};

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

/** A short, language-neutral summary of an audit event (a NIF, an invoice number), or null. */
function summarize(action: string, details: Record<string, unknown>): string | null {
  if (action === "order.corrected") {
    const correction = (details.correction ?? {}) as Record<string, unknown>;
    if (correction.consumidorFinal === true) return null;
    return text(correction.taxId) ?? text(correction.name);
  }
  if (action === "credit_note.requested" || action === "invoice.reissue_requested") return text(details.invoice);
  if (action === "order.invoice_at_risk") return text(details.deadline);
  return null;
}

export async function getOrderTimeline(user: SessionUser, orderId: string): Promise<TimelineEntry[] | null> {
  const order = await db.order.findFirst({
    where: { id: orderId, ...storeScope(user) },
    select: {
      id: true,
      storeId: true,
      jumpsellerId: true,
      jobs: {
        select: {
          id: true,
          kind: true,
          createdAt: true,
          payload: true,
          events: { orderBy: { at: "asc" } },
        },
      },
      documents: {
        select: {
          id: true,
          type: true,
          number: true,
          atcud: true,
          createdAt: true,
          amountGrossCents: true,
          attachedToOrderAt: true,
          credits: { select: { number: true } },
          replaces: { select: { number: true } },
        },
      },
    },
  });
  if (!order) return null;
  const jobIds = order.jobs.map((job) => job.id);
  const documentIds = order.documents.map((doc) => doc.id);

  const [deliveries, audits, emails] = await Promise.all([
    db.webhookDelivery.findMany({
      where: { storeId: order.storeId, event: { in: orderEvents }, resourceId: String(order.jumpsellerId) },
      select: { event: true, receivedAt: true, duplicates: true, lastSeenAt: true },
    }),
    db.auditEvent.findMany({
      where: {
        storeId: order.storeId,
        targetId: { in: [order.id, ...jobIds, ...documentIds] },
        action: { in: [...timelineAuditActions, ...issuedActions] },
      },
      orderBy: { at: "asc" },
      select: { at: true, action: true, targetId: true, details: true, actor: { select: { name: true } } },
    }),
    jobIds.length === 0
      ? Promise.resolve([])
      : db.notification.findMany({
          where: { storeId: order.storeId, jobIds: { hasSome: jobIds }, sentAt: { not: null } },
          select: { jobIds: true, sentAt: true },
        }),
  ]);

  const entries: TimelineEntry[] = [];
  for (const d of deliveries) {
    entries.push({
      kind: "webhook",
      at: d.receivedAt,
      event: d.event,
      duplicates: d.duplicates,
      lastSeenAt: d.lastSeenAt,
    });
  }

  const documentOfJob = new Map<string, string>();
  for (const audit of audits) {
    const details = (audit.details ?? {}) as Record<string, unknown>;
    if (issuedActions.includes(audit.action)) {
      const jobId = text(details.jobId);
      const number = text(details.number);
      if (jobId && number) documentOfJob.set(jobId, number);
      continue;
    }
    entries.push({
      kind: "user",
      at: audit.at,
      action: audit.action as TimelineAuditAction,
      actor: audit.actor?.name ?? null,
      summary: summarize(audit.action, details),
    });
  }

  const kindOfJob = new Map(order.jobs.map((job) => [job.id, job.kind]));
  for (const job of order.jobs) {
    entries.push({ kind: "job_created", at: job.createdAt, job: job.kind });
    for (const event of job.events) {
      entries.push({
        kind: "job",
        at: event.at,
        job: job.kind,
        type: event.type,
        dispatch: event.dispatch,
        attempt: event.attempt,
        errorKind: event.errorKind,
        errorCode: event.errorCode,
        errorParams: event.errorParams,
        message: event.message,
      });
    }
    const noted = text((job.payload as Record<string, unknown> | null)?.historyNotedAt);
    if (noted) {
      entries.push({
        kind: "history_note",
        at: new Date(noted),
        job: job.kind,
        number: documentOfJob.get(job.id) ?? null,
      });
    }
  }

  for (const doc of order.documents) {
    // Placed when Ponte recorded it: Vendus's own issue time carries no time zone.
    entries.push({
      kind: "document",
      at: doc.createdAt,
      documentId: doc.id,
      type: doc.type,
      number: doc.number,
      atcud: doc.atcud,
      grossCents: doc.amountGrossCents,
      credits: doc.credits?.number ?? null,
      replaces: doc.replaces?.number ?? null,
    });
    if (doc.attachedToOrderAt) {
      entries.push({ kind: "attached", at: doc.attachedToOrderAt, number: doc.number, type: doc.type });
    }
  }

  for (const email of emails) {
    // An hour's e-mail names the window's first failed job; later failures of the hour join it unnamed.
    const job = kindOfJob.get(email.jobIds[0] ?? "");
    if (job && email.sentAt) entries.push({ kind: "email", at: email.sentAt, job });
  }

  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.kind] - rank[b.kind]);
}
