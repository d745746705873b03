// Issuing a document in Vendus exactly once, and keeping Ponte's record of it.
//
// A POST whose answer was lost may have created the document. So a job records "POST attempted" in the
// database before it sends one, and any later attempt of that job first looks the document up by its
// external_reference. The POST also carries a deterministic tx_id, which Vendus uses to refuse (or answer
// with the original for) a repeat. Calls: a job's first attempt makes one call (the POST); a later attempt
// makes two (the lookup, then the POST or a read of the document found).
import { queryRows, type Db } from "@/lib/db";
import { isServiceError } from "@/lib/errors";
import type { DocumentType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { newRowId } from "@/lib/ids";
import type { TaxSummary } from "@/lib/invoicing";
import { vendusThrottleKey } from "@/lib/jobs/dispatch";
import { BehindEarlierOrder, earlierInvoiceStillToIssue, invoiceJobsInPaymentOrder } from "@/lib/jobs/payment-order";
import { ServiceUnavailableNow } from "@/lib/outages/unavailable-now";
import { toCents } from "@/lib/money";
import type { VendusClient, VendusDocumentDetail, VendusIssuedDocument } from "@/lib/vendus/client";
import type { VendusDocumentRequest } from "@/lib/vendus/types";
import type { PipelineServices } from "./services";

export interface IssueOutcome {
  issued: VendusIssuedDocument;
  /** The document's lines as Vendus holds them, when it was read back; else taken from the request. */
  detail: VendusDocumentDetail | null;
  how: "created" | "replayed" | "found";
}

async function lookUp(vendus: VendusClient, request: VendusDocumentRequest): Promise<VendusDocumentDetail | null> {
  const found = await vendus.findDocumentsByExternalReference(request.external_reference, {
    mode: request.mode,
    registerId: request.register_id,
    type: request.type,
  });
  if (found.length === 0) return null;
  // tx_id makes two impossible; if it ever happens, the first one issued is the one Ponte keeps.
  const first = [...found].sort((a, b) => a.id - b.id)[0]!;
  return vendus.getDocument(first.id, { mode: request.mode });
}

/**
 * Records "POST attempted" on the job, unless the account's breaker is open or, for an invoice, an
 * earlier-paid order of the store still has its invoice to issue (one statement). While Vendus is known to be
 * down, a document run that started before it went down posts nothing, and waits like the runs that start
 * after; an invoice whose store has an earlier order still to invoice waits behind it (lib/jobs/payment-order.ts).
 * A store's invoices thus go out in payment order, after an outage as in a burst of deliveries.
 */
async function claimPost(db: Db, jobId: string, vendusBreakerKey: string, inPaymentOrder: boolean) {
  const earlier = inPaymentOrder ? earlierInvoiceStillToIssue(Prisma.sql`me`) : Prisma.sql`NULL::text`;
  const [blocked] = await queryRows<{ breakerId: string | null; earlierJobId: string | null }>(
    db,
    Prisma.sql`
    WITH me AS (
      ${invoiceJobsInPaymentOrder(Prisma.sql`j."id" = ${jobId}`)}
    ), gate AS (
      SELECT (SELECT b."id" FROM "ServiceBreaker" b
          WHERE b."service" = 'vendus' AND b."key" = ${vendusBreakerKey} AND b."openedAt" IS NOT NULL) AS "breakerId",
        (SELECT ${earlier} FROM me) AS "earlierJobId"
    ), claimed AS (
      UPDATE "Job" SET "payload" = COALESCE("payload", '{}'::jsonb) || ${JSON.stringify({ postAttemptedAt: new Date().toISOString() })}::jsonb,
        "updatedAt" = now()
      WHERE "id" = ${jobId} AND (SELECT "breakerId" FROM gate) IS NULL AND (SELECT "earlierJobId" FROM gate) IS NULL
      RETURNING "id"
    )
    SELECT "breakerId", "earlierJobId" FROM gate WHERE NOT EXISTS (SELECT 1 FROM claimed)`,
  );
  if (!blocked) return;
  if (blocked.breakerId) throw new ServiceUnavailableNow("vendus", blocked.breakerId);
  if (blocked.earlierJobId) throw new BehindEarlierOrder(blocked.earlierJobId);
}

export async function issueOnce(
  db: Db,
  vendus: VendusClient,
  job: { id: string; postAttempted: boolean; vendusBreakerKey: string; inPaymentOrder: boolean },
  request: VendusDocumentRequest,
): Promise<IssueOutcome> {
  if (job.postAttempted) {
    const detail = await lookUp(vendus, request);
    if (detail) return { issued: detail, detail, how: "found" };
  }
  await claimPost(db, job.id, job.vendusBreakerKey, job.inPaymentOrder);
  try {
    const issued = await vendus.createDocument(request);
    return { issued, detail: null, how: "created" };
  } catch (error) {
    // Vendus refused the tx_id as already used: the document exists, find it.
    if (isServiceError(error) && error.kind === "conflict") {
      const detail = await lookUp(vendus, request);
      if (detail) return { issued: detail, detail, how: "replayed" };
    }
    throw error;
  }
}

/**
 * Where an issue step starts, for invoices and credit notes alike: the job with the request its prepare step
 * built, and the id of the document already saved under that tx_id (a retry after the save), if any.
 */
export async function readPreparedJob<T extends { document: VendusDocumentRequest; postAttemptedAt: string }>(
  db: Db,
  jobId: string,
) {
  // One round trip: the job and the document saved under its request's tx_id.
  const [row] = await queryRows<{
    storeId: string;
    subject: string;
    orderId: string | null;
    payload: unknown;
    savedId: string | null;
  }>(
    db,
    Prisma.sql`
    SELECT j."storeId", j."subject", j."orderId", j."payload",
      (SELECT d."id" FROM "Document" d WHERE d."txId" = j."payload"->'document'->>'tx_id') AS "savedId"
    FROM "Job" j WHERE j."id" = ${jobId}`,
  );
  if (!row) throw new Error(`Job ${jobId} no longer exists`);
  const payload = (
    row.payload && typeof row.payload === "object" && !Array.isArray(row.payload) ? row.payload : {}
  ) as Partial<T>;
  const request = payload.document;
  if (!request) throw new Error(`Job ${jobId} has no prepared document`);
  const job = { storeId: row.storeId, subject: row.subject, orderId: row.orderId, payload };
  return { job, request, savedId: row.savedId };
}

/**
 * Sends the job's prepared request to the store's Vendus account, once (see issueOnce); an invoice only once
 * the store's earlier-paid orders have theirs (`inPaymentOrder`; credit notes are not held back).
 */
export async function issuePrepared(
  services: PipelineServices,
  jobId: string,
  { job, request }: Awaited<ReturnType<typeof readPreparedJob>>,
  { inPaymentOrder }: { inPaymentOrder: boolean },
): Promise<IssueOutcome> {
  const { vendus } = await services.forStore(job.storeId);
  const vendusBreakerKey = await vendusThrottleKey(services.db, job.storeId);
  return issueOnce(
    services.db,
    vendus,
    { id: jobId, postAttempted: Boolean(job.payload.postAttemptedAt), vendusBreakerKey, inPaymentOrder },
    request,
  );
}

export interface StoredLine {
  /** 1-based position on the document: what a credit note's reference_document.document_row points at. */
  row: number;
  reference: string | null;
  title: string;
  qty: number;
  grossUnitCents: number | null;
  lineGrossCents: number | null;
  taxId: string | null;
  taxRate: number | null;
}

export function linesOf(outcome: IssueOutcome, request: VendusDocumentRequest): StoredLine[] {
  if (outcome.detail) {
    return outcome.detail.items.map((item, i) => ({
      row: i + 1,
      reference: item.reference,
      title: item.title,
      qty: item.qty,
      grossUnitCents: item.amounts.grossUnitCents,
      lineGrossCents: item.amounts.grossTotalCents,
      taxId: item.tax.id,
      taxRate: item.tax.rate,
    }));
  }
  return request.items.map((item, i) => ({
    row: i + 1,
    reference: item.reference ?? null,
    title: item.title ?? item.reference ?? "",
    qty: item.qty,
    grossUnitCents: item.gross_price === undefined ? null : toCents(item.gross_price),
    lineGrossCents: null,
    taxId: item.tax_id ?? null,
    taxRate: item.tax_custom?.rate ?? null,
  }));
}

/** Vendus answers "2026-11-28" and sometimes a system time; either becomes the issue instant. */
function issuedAtOf(issued: VendusIssuedDocument): Date {
  const time = issued.systemTime ? new Date(issued.systemTime.replace(" ", "T")) : null;
  if (time && !Number.isNaN(time.getTime())) return time;
  const date = new Date(`${issued.date}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

export interface DocumentRecord {
  storeId: string;
  orderId: string | null;
  /** Set for invoices: the unique key that refuses a second invoice for one order. */
  invoiceForOrderId: string | null;
  creditsId: string | null;
  reason: string | null;
  taxes: TaxSummary[] | unknown[];
  /** A new invoice replacing a credited one: that invoice, and the credit note that settled it. */
  replacesId?: string | null;
  afterCreditNoteId?: string | null;
}

/**
 * Saves the issued document; `after` runs in the same transaction (order state, audit). When another run
 * already saved it (unique tx_id), that row's id is returned instead; a first invoice meeting another live
 * invoice of its order (unique invoiceForOrderId) returns that one.
 */
export async function saveDocument(
  db: Db,
  outcome: IssueOutcome,
  request: VendusDocumentRequest,
  record: DocumentRecord,
  after: (tx: Prisma.TransactionClient, documentId: string) => Promise<void>,
): Promise<string> {
  const issued = outcome.issued;
  try {
    return await db.$transaction(async (tx) => {
      const doc = await tx.document.create({
        data: {
          storeId: record.storeId,
          orderId: record.orderId,
          invoiceForOrderId: record.invoiceForOrderId,
          creditsId: record.creditsId,
          replacesId: record.replacesId ?? null,
          afterCreditNoteId: record.afterCreditNoteId ?? null,
          reason: record.reason,
          type: (issued.type || request.type) as DocumentType,
          vendusId: issued.id,
          number: issued.number,
          atcud: issued.atcud,
          mode: request.mode,
          issuedAt: issuedAtOf(issued),
          amountGrossCents: issued.amountGrossCents,
          amountNetCents: issued.amountNetCents,
          externalReference: request.external_reference,
          txId: request.tx_id,
          lines: linesOf(outcome, request) as unknown as Prisma.InputJsonValue,
          taxes: record.taxes as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      await after(tx, doc.id);
      return doc.id;
    });
  } catch (error) {
    return existingDocumentOn(db, error, request, record);
  }
}

/**
 * After a save refused by a unique key (Prisma's P2002, PostgreSQL's 23505): the document another run saved
 * under that tx_id, or, for a first invoice, the order's live invoice. Any other error is thrown again.
 */
export async function existingDocumentOn(
  db: Db,
  error: unknown,
  request: VendusDocumentRequest,
  record: DocumentRecord,
): Promise<string> {
  const prismaDuplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
  const pgDuplicate = (error as { code?: unknown } | null)?.code === "23505";
  if (!prismaDuplicate && !pgDuplicate) throw error;
  const existing = await db.document.findFirst({
    where: {
      OR: [
        { txId: request.tx_id },
        ...(record.invoiceForOrderId && !record.replacesId ? [{ invoiceForOrderId: record.invoiceForOrderId }] : []),
      ],
    },
    select: { id: true },
  });
  if (!existing) throw error;
  return existing.id;
}

/** saveDocument's row as an INSERT, for a statement that writes the rest with it (the invoice's, saveInvoice). */
export function documentInsert(outcome: IssueOutcome, request: VendusDocumentRequest, record: DocumentRecord) {
  const issued = outcome.issued;
  return Prisma.sql`
    INSERT INTO "Document" ("id", "storeId", "orderId", "invoiceForOrderId", "creditsId", "replacesId",
      "afterCreditNoteId", "reason", "type", "vendusId", "number", "atcud", "mode", "issuedAt", "amountGrossCents",
      "amountNetCents", "externalReference", "txId", "lines", "taxes", "createdAt")
    VALUES (${newRowId()}, ${record.storeId}, ${record.orderId}, ${record.invoiceForOrderId}, ${record.creditsId},
      ${record.replacesId ?? null}, ${record.afterCreditNoteId ?? null}, ${record.reason},
      ${issued.type || request.type}::"DocumentType", ${issued.id}, ${issued.number}, ${issued.atcud ?? null},
      ${request.mode}, ${issuedAtOf(issued)}, ${issued.amountGrossCents}, ${issued.amountNetCents},
      ${request.external_reference}, ${request.tx_id}, ${JSON.stringify(linesOf(outcome, request))}::jsonb,
      ${JSON.stringify(record.taxes)}::jsonb, now())`;
}
