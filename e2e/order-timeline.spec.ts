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
