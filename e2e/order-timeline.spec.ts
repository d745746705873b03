// An order page's timeline: every step of a failed-then-fixed order in the reader's language, and the chain an
// accountant's credit and reissue leaves. Nothing runs the jobs in this environment (see e2e/env.ts), so what
// the pipeline records is seeded in SQL as it records it (e2e/support/seed.ts); what people do goes through
// the page.
import type pg from "pg";
import { expect, signIn, test } from "./fixtures";
import { id, insertAudit, insertDocument, insertOrder } from "./support/seed";

// Sign-ins and several page loads each: slow on a busy machine.
test.beforeEach(() => test.slow());

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
  await insertAudit(sql, {
    at: at(6),
    actorId,
    storeId,
    action: "order.corrected",
    targetId: orderId,
    details: { correction: { taxId: "503504564" } },
  });
  await insertAudit(sql, { at: at(7), actorId, storeId, action: "job.retried", targetId: jobId, details: {} });
  const invoice = await insertDocument(sql, storeId, orderId, { type: "FR", at: at(11), live: true });
  return { orderId, invoice };
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
    storeAccountant,
  }) => {
    const { storeId: store, accountant } = await storeAccountant("loja-do-mar", locale);
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
  storeAccountant,
}) => {
  const { storeId: store, accountant } = await storeAccountant("loja-do-mar");
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
