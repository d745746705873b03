// Rows as the pipeline and the dashboard write them, for specs to start from: nothing runs the jobs in the e2e
// environment (see e2e/env.ts), so what a run would record is inserted here in SQL.
import { randomBytes, randomInt } from "node:crypto";
import type pg from "pg";

export const id = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;

/** A paid order of 24,60 € placed on 10 July 2026 by Marta Lopes, with the NIF she typed. */
export async function insertOrder(sql: pg.Pool, storeId: string, input: { nif: string; invoiceState: string }) {
  const number = randomInt(700_000, 900_000);
  const orderId = id("e2e-order");
  await sql.query(
    `INSERT INTO "Order" (id, "storeId", "jumpsellerId", status, "invoiceState", "customerName", nif, country,
       "totalCents", "orderedAt", "paidAt", "updatedAt")
     VALUES ($1, $2, $3, 'Paid', $4::"InvoiceState", 'Marta Lopes', $5, 'PT', 2460, $6, $6, now())`,
    [orderId, storeId, number, input.invoiceState, input.nif, new Date("2026-07-10T08:55:00Z")],
  );
  return { orderId, number };
}

/** An invoice job refused on the order's invalid NIF 123456780 and left failed, as the pipeline records it. */
export async function insertInvalidNifJob(sql: pg.Pool, storeId: string, order: { orderId: string; number: number }) {
  const jobId = id("e2e-job");
  await sql.query(
    `INSERT INTO "Job" (id, "storeId", kind, subject, status, attempts, "orderId", "lastErrorKind", "lastErrorCode",
       "lastErrorParams", "lastErrorMessage", "createdAt", "updatedAt")
     VALUES ($1, $2, 'invoice_order', $3, 'failed', 1, $4, 'refused', 'invalid_nif', '{"nif":"123456780"}',
       'The NIF "123456780" given by the customer is not a valid Portuguese NIF.', now(), now())`,
    [jobId, storeId, String(order.number), order.orderId],
  );
  return jobId;
}

/** A product-sync job that failed four times on Vendus answering 503; its subject is unique to the call. */
export async function insertFailedSyncJob(sql: pg.Pool, storeId: string) {
  const subject = `e2e-${randomBytes(4).toString("hex")}`;
  await sql.query(
    `INSERT INTO "Job" (id, "storeId", kind, subject, status, attempts, "lastErrorKind", "lastErrorCode", "lastErrorMessage", "createdAt", "updatedAt")
     VALUES ($1, $2, 'sync_product', $3, 'failed', 4, 'transient', 'HTTP_503', 'Vendus não respondeu (503)', now(), now())`,
    [`job-${subject}`, storeId, subject],
  );
  return subject;
}

/** An audit row: who did what, when, to which target. */
export async function insertAudit(
  sql: pg.Pool,
  input: { at: Date; actorId: string; storeId: string; action: string; targetId: string; details: object },
) {
  await sql.query(
    `INSERT INTO "AuditEvent" (id, at, "actorId", "storeId", action, "targetId", details) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [
      id("e2e-audit"),
      input.at,
      input.actorId,
      input.storeId,
      input.action,
      input.targetId,
      JSON.stringify(input.details),
    ],
  );
}

/** A Vendus document of the order (24,60 €); `live` makes it the order's current invoice. */
export async function insertDocument(
  sql: pg.Pool,
  storeId: string,
  orderId: string,
  input: {
    type: "FR" | "NC";
    at: Date;
    live?: boolean;
    creditsId?: string;
    replacesId?: string;
    afterCreditNoteId?: string;
  },
) {
  const vendusId = randomInt(100_000_000, 900_000_000);
  const number = `${input.type} E2E${vendusId % 100}/${vendusId}`;
  const documentId = id("e2e-doc");
  await sql.query(
    `INSERT INTO "Document" (id, "storeId", "orderId", "invoiceForOrderId", type, "vendusId", number, atcud, "issuedAt",
       "amountGrossCents", "amountNetCents", "externalReference", "txId", lines, taxes, "creditsId", "replacesId",
       "afterCreditNoteId", "createdAt")
     VALUES ($1, $2, $3, $4, $5::"DocumentType", $6, $7, $8, $9, 2460, 2000, $10, $11, '[]', '[]', $12, $13, $14, $9)`,
    [
      documentId,
      storeId,
      orderId,
      input.live ? orderId : null,
      input.type,
      vendusId,
      number,
      `JJ${vendusId}-${vendusId % 1000}`,
      input.at,
      `js-${documentId}`,
      `tx-${documentId}`,
      input.creditsId ?? null,
      input.replacesId ?? null,
      input.afterCreditNoteId ?? null,
    ],
  );
  return { documentId, number };
}
