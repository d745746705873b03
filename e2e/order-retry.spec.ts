// Retrying what failed, from the order page (after correcting the customer's data), from the jobs page on a
// phone, and the orders list following the retried run by itself. Nothing runs the jobs in this environment
// (see e2e/env.ts): what the pipeline records is seeded in SQL as it records it (e2e/support/seed.ts); what
// people do goes through the page.
import { expect, signIn, test } from "./fixtures";
import { insertDocument } from "./support/seed";

// Sign-ins and several page loads each: slow on a busy machine.
test.beforeEach(() => test.slow());

test("a merchant corrects and retries their own store's order, and another store's order is not found", async ({
  page,
  failedInvoice,
  freshUser,
}) => {
  const merchant = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  const { orderId } = await failedInvoice("loja-do-mar");
  const other = await failedInvoice("casa-verde");

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

  test("a merchant signs in, sees the failures and retries one", async ({ page, failedSyncJob, freshUser }) => {
    const merchant = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
    const subject = await failedSyncJob("loja-do-mar");
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

test("the orders list updates by itself after a retry: the order goes from pending to invoiced without a reload", async ({
  page,
  sql,
  storeId,
  failedInvoice,
  freshUser,
}) => {
  const store = await storeId("loja-do-mar");
  const merchant = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  const { orderId, number, jobId } = await failedInvoice("loja-do-mar");

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
