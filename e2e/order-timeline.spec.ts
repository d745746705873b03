// The order page's correct-and-retry with its timeline, and the dashboard on a phone. Nothing runs
// the jobs in this environment (see e2e/env.ts), so what the pipeline records is seeded in SQL as it records it;
// what people do goes through the page.
import { randomBytes, randomInt } from "node:crypto";
import type pg from "pg";
import { expect, signIn, test } from "./fixtures";

const id = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;

async function insertOrder(sql: pg.Pool, storeId: string, input: { nif: string; invoiceState: string }) {
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

test("a merchant corrects and retries their own store's order, and another store's order is not found", async ({
  page,
  sql,
  storeId,
  freshUser,
}) => {
  // Sign-ins and several page loads: slow on a busy machine.
  test.slow();
  const store = await storeId("loja-do-mar");
  const merchant = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  const { orderId, number } = await insertOrder(sql, store, { nif: "123456780", invoiceState: "failed" });
  await sql.query(
    `INSERT INTO "Job" (id, "storeId", kind, subject, status, attempts, "orderId", "lastErrorKind", "lastErrorCode",
       "lastErrorMessage", "createdAt", "updatedAt")
     VALUES ($1, $2, 'invoice_order', $3, 'failed', 1, $4, 'refused', 'invalid_nif', 'NIF inválido', now(), now())`,
    [id("e2e-job"), store, String(number), orderId],
  );
  const other = await insertOrder(sql, await storeId("casa-verde"), { nif: "123456780", invoiceState: "failed" });

  await signIn(page, merchant);
  await page.goto(`/orders/${orderId}`);
  await page.getByLabel("NIF ou número de IVA").fill("503 504 564");
  await page.getByRole("button", { name: "Guardar correção e tentar de novo" }).click();
  await expect(page.getByText("Correção guardada e fatura enviada de novo")).toBeVisible();
  const timeline = page.getByRole("list", { name: "Cronologia" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "corrigiu os dados do cliente" })).toContainText(
    "503504564",
  );
  await expect(timeline.getByRole("listitem").last()).toContainText("pediu nova tentativa");
  await expect(page.getByTestId("correction-original")).toContainText("123456780");

  await page.getByRole("button", { name: "Remover correção" }).click();
  await page.getByRole("button", { name: "Sim, remover" }).click();
  // The order is no longer failed: the correction's box goes away with the correction, and the timeline
  // keeps who removed it.
  await expect(timeline.getByRole("listitem").last()).toContainText("removeu a correção");
  await expect(page.getByTestId("correction-original")).toHaveCount(0);

  const response = await page.goto(`/orders/${other.orderId}`);
  expect(response?.status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a merchant signs in, sees the failures and retries one", async ({ page, sql, storeId, freshUser }) => {
    // Sign-ins and several page loads: slow on a busy machine.
    test.slow();
    const merchant = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
    const subject = `e2e-${randomBytes(4).toString("hex")}`;
    await sql.query(
      `INSERT INTO "Job" (id, "storeId", kind, subject, status, attempts, "lastErrorKind", "lastErrorCode", "lastErrorMessage", "createdAt", "updatedAt")
       VALUES ($1, $2, 'sync_product', $3, 'failed', 4, 'transient', 'HTTP_503', 'Vendus não respondeu (503)', now(), now())`,
      [`job-${subject}`, await storeId("loja-do-mar"), subject],
    );
    await signIn(page, merchant);
    // The page never scrolls sideways: only a table may, inside its own box.
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await expect(page.getByRole("navigation", { name: "Navegação principal" })).toBeHidden();
    await page.getByText("Menu", { exact: true }).click();
    await page.getByRole("link", { name: "Tarefas" }).click();
    await expect(page.getByRole("heading", { name: "Tarefas" })).toBeVisible();
    expect(await pageWidth()).toBeLessThanOrEqual(390);

    const row = page.getByRole("row").filter({ hasText: subject });
    await expect(row).toContainText("Falhada");
    const retry = row.getByRole("button", { name: `Repetir a tarefa ${subject}` });
    await retry.scrollIntoViewIfNeeded();
    await retry.click();
    await expect(row.getByRole("status")).toHaveText("Reenviada");
    await expect(row).toContainText("Na fila");
    await page.screenshot({ path: "test-results/screenshots/jobs-phone-pt-PT.png", fullPage: true });
  });
});

/** An order's recorded history, as the pipeline writes it (nothing runs jobs here): seconds after `start`. */
async function seedFailedThenFixed(sql: pg.Pool, storeId: string, actorId: string) {
  const { orderId, number } = await insertOrder(sql, storeId, { nif: "123456780", invoiceState: "invoiced" });
  const start = Date.now() - 60 * 60_000;
  const at = (seconds: number) => new Date(start + seconds * 1000);
  const jobId = id("e2e-job");
  await sql.query(
    `INSERT INTO "WebhookDelivery" (id, "storeId", event, "resourceId", state, body, "matchedKey", "receivedAt", "lastSeenAt")
     VALUES ($1, $2, 'order_paid', $3, 'paid', '{}', $4, $5, $5)`,
    [id("e2e-delivery"), storeId, String(number), `order:${number}`, at(0)],
  );
  await sql.query(
    `INSERT INTO "Job" (id, "storeId", kind, subject, status, attempts, "dispatchCount", "orderId", "createdAt", "updatedAt")
     VALUES ($1, $2, 'invoice_order', $3, 'succeeded', 2, 1, $4, $5, $6)`,
    [jobId, storeId, String(number), orderId, at(1), at(12)],
  );
  const refusal = {
    kind: "refused",
    code: "invalid_nif",
    params: JSON.stringify({ nif: "123456780" }),
    message:
      'The NIF "123456780" given by the customer is not a valid Portuguese NIF (9 digits with a check digit). Correct it on the order in Jumpseller, or allow invoicing such orders to Consumidor final.',
  };
  const events: [number, number, string, number | null, typeof refusal | null][] = [
    [2, 0, "started", null, null],
    [3, 0, "error", 1, refusal],
    [4, 0, "failed", null, refusal],
    [10, 1, "started", null, null],
    [13, 1, "succeeded", null, null],
  ];
  for (const [seconds, dispatch, type, attempt, error] of events) {
    await sql.query(
      `INSERT INTO "JobEvent" (id, "jobId", at, dispatch, attempt, type, "errorKind", "errorCode", "errorParams", message)
       VALUES ($1, $2, $3, $4, $5, $6::"JobEventType", $7::"ErrorKind", $8, $9::jsonb, $10)`,
      [
        id("e2e-event"),
        jobId,
        at(seconds),
        dispatch,
        attempt,
        type,
        error?.kind,
        error?.code,
        error?.params,
        error?.message,
      ],
    );
  }
  await audit(sql, {
    at: at(6),
    actorId,
    storeId,
    action: "order.corrected",
    targetId: orderId,
    details: { correction: { taxId: "503504564" } },
  });
  await audit(sql, { at: at(7), actorId, storeId, action: "job.retried", targetId: jobId, details: {} });
  const invoice = await insertDocument(sql, storeId, orderId, { type: "FR", at: at(11), live: true });
  return { orderId, invoice };
}

async function audit(
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

async function insertDocument(
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

const failedThenFixed = {
  "pt-PT": [
    "Webhook da Jumpseller recebido: encomenda paga",
    "Faturação: tarefa criada",
    "Faturação: execução iniciada",
    "Faturação: tentativa 1 falhou",
    "Faturação: falhou, precisa de uma pessoa",
    "corrigiu os dados do cliente",
    "pediu nova tentativa",
    "Faturação: execução 2 iniciada",
    "emitida no Vendus",
    "Faturação: concluída",
  ],
  en: [
    "Jumpseller webhook received: order paid",
    "Invoice: job created",
    "Invoice: run started",
    "Invoice: attempt 1 failed",
    "Invoice: failed, needs a person",
    "corrected the customer's data",
    "asked for a retry",
    "Invoice: run 2 started",
    "issued in Vendus",
    "Invoice: done",
  ],
};

const invalidNifCause = {
  "pt-PT": {
    cause: "O NIF “123456780” indicado pelo cliente não é um NIF português válido",
    detail: "Detalhe técnico",
  },
  en: { cause: "The NIF “123456780” given by the customer is not a valid Portuguese NIF", detail: "Technical detail" },
};

for (const locale of ["pt-PT", "en"] as const) {
  test(`the timeline of a failed-then-fixed order shows every step in order (${locale})`, async ({
    page,
    sql,
    storeId,
    freshUser,
  }) => {
    test.slow();
    const store = await storeId("loja-do-mar");
    const accountant = await freshUser({ role: "accountant", storeCodes: ["loja-do-mar"] });
    await sql.query(`UPDATE "User" SET locale = $2 WHERE id = $1`, [accountant.id, locale]);
    const { orderId, invoice } = await seedFailedThenFixed(sql, store, accountant.id);

    await signIn(page, accountant);
    await page.goto(`/orders/${orderId}`);
    const timeline = page.getByRole("list", { name: locale === "en" ? "Timeline" : "Cronologia" });
    const steps = timeline.getByRole("listitem");
    await expect(steps).toHaveCount(failedThenFixed[locale].length);
    await expect(steps).toContainText(failedThenFixed[locale]);
    await expect(steps.nth(5)).toContainText("503504564");
    await expect(steps.nth(8)).toContainText(invoice.number);

    // The failed attempt and the failure say the cause in the page's language; the engine's text is one click away.
    const { cause, detail } = invalidNifCause[locale];
    for (const step of [steps.nth(3), steps.nth(4)]) await expect(step).toContainText(cause);
    // (The stored text has straight quotes; the message in the page's language, typographic ones.)
    const technical = steps.nth(4).getByText(/The NIF "123456780" given by the customer/);
    await expect(technical).toBeHidden();
    await steps.nth(4).getByText(detail).click();
    await expect(technical).toBeVisible();
  });
}

test("an accountant's credit and reissue shows the chain invoice → credit note → new invoice", async ({
  page,
  sql,
  storeId,
  freshUser,
}) => {
  test.slow();
  const store = await storeId("loja-do-mar");
  const accountant = await freshUser({ role: "accountant", storeCodes: ["loja-do-mar"] });
  const { orderId } = await insertOrder(sql, store, { nif: "123456789", invoiceState: "invoiced" });
  const issued = new Date(Date.now() - 2 * 60 * 60_000);
  const invoice = await insertDocument(sql, store, orderId, { type: "FR", at: issued, live: true });

  await signIn(page, accountant);
  await page.goto(`/orders/${orderId}`);
  await page.getByLabel("NIF ou número de IVA").fill("503 504 564");
  await page.getByRole("button", { name: "Guardar correção", exact: true }).click();
  await expect(page.getByText("Correção guardada", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Creditar e reemitir ${invoice.number}` }).click();
  await page.getByRole("button", { name: "Sim, creditar e reemitir" }).click();
  await expect(page.getByText("Nota de crédito e nova fatura pedidas")).toBeVisible();

  // What the credit-note job records once Vendus has issued both (nothing runs jobs here).
  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);
  await sql.query(`UPDATE "Document" SET "invoiceForOrderId" = NULL, "creditedAt" = $2 WHERE id = $1`, [
    invoice.documentId,
    inSeconds(1),
  ]);
  const nc = await insertDocument(sql, store, orderId, { type: "NC", at: inSeconds(1), creditsId: invoice.documentId });
  const reissued = await insertDocument(sql, store, orderId, {
    type: "FR",
    at: inSeconds(2),
    live: true,
    replacesId: invoice.documentId,
    afterCreditNoteId: nc.documentId,
  });

  await page.reload();
  const steps = page.getByRole("list", { name: "Cronologia" }).getByRole("listitem");
  await expect(steps).toContainText([
    `Fatura-recibo ${invoice.number} emitida no Vendus`,
    "corrigiu os dados do cliente",
    "pediu creditar e reemitir",
    `Nota de crédito ${nc.number} emitida no Vendus`,
    `Fatura-recibo ${reissued.number} emitida no Vendus`,
  ]);
  await expect(steps.filter({ hasText: "pediu creditar e reemitir" })).toContainText(invoice.number);
  await expect(steps.filter({ hasText: nc.number })).toContainText(`credita ${invoice.number}`);
  await expect(steps.filter({ hasText: `${reissued.number} emitida` })).toContainText(`substitui ${invoice.number}`);
  // The reissued invoice is now the one to credit; the original is credited.
  await expect(page.getByRole("button", { name: `Creditar e reemitir ${reissued.number}` })).toBeVisible();
});

test("the orders list updates by itself after a retry: the order goes from pending to invoiced without a reload", async ({
  page,
  sql,
  storeId,
  freshUser,
}) => {
  test.slow();
  const store = await storeId("loja-do-mar");
  const merchant = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  const { orderId, number } = await insertOrder(sql, store, { nif: "123456780", invoiceState: "failed" });
  const jobId = id("e2e-job");
  await sql.query(
    `INSERT INTO "Job" (id, "storeId", kind, subject, status, attempts, "orderId", "lastErrorKind", "lastErrorCode",
       "lastErrorParams", "lastErrorMessage", "createdAt", "updatedAt")
     VALUES ($1, $2, 'invoice_order', $3, 'failed', 1, $4, 'refused', 'invalid_nif', '{"nif":"123456780"}',
       'The NIF "123456780" given by the customer is not a valid Portuguese NIF.', now(), now())`,
    [jobId, store, String(number), orderId],
  );

  await signIn(page, merchant);
  await page.goto(`/orders/${orderId}`);
  await page.getByRole("button", { name: `Repetir a tarefa ${number}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reenviada" })).toBeVisible();

  await page.goto(`/orders?q=%23${number}`);
  const row = page.getByRole("row").filter({ hasText: `#${number}` });
  await expect(row).toContainText("Pendente");
  // A mark on this document: a reload would wipe it.
  await page.evaluate(() => document.documentElement.setAttribute("data-e2e-loaded-once", "yes"));

  // The retried run issues the invoice (what the pipeline records; nothing runs jobs here).
  await sql.query(`UPDATE "Job" SET status = 'succeeded', "finishedAt" = now(), "updatedAt" = now() WHERE id = $1`, [
    jobId,
  ]);
  await insertDocument(sql, store, orderId, { type: "FR", at: new Date(), live: true });
  await sql.query(`UPDATE "Order" SET "invoiceState" = 'invoiced', "updatedAt" = now() WHERE id = $1`, [orderId]);

  await expect(row).toContainText("Faturada", { timeout: 20_000 });
  await expect(page.locator("html")).toHaveAttribute("data-e2e-loaded-once", "yes");
});
