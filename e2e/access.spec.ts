import { expect, test } from "./fixtures";

test.describe("a merchant", () => {
  test("sees only their own store's orders", async ({ page, signInAs }) => {
    await signInAs("merchant");
    await page.getByRole("link", { name: "Encomendas" }).click();
    const storeCells = page.locator("tbody tr td:nth-child(3)");
    await expect(storeCells.first()).toHaveText("Loja do Mar");
    expect(new Set(await storeCells.allTextContents())).toEqual(new Set(["Loja do Mar"]));
    await expect(page.getByRole("combobox", { name: "Loja" }).locator("option")).toHaveText([
      "Todas as lojas",
      "Loja do Mar",
    ]);
  });

  test("gets 404 for another store's page and another store's order", async ({ page, signInAs, storeId, sql }) => {
    const otherStore = await storeId("casa-verde");
    const { rows } = await sql.query<{ id: string }>(`SELECT id FROM "Order" WHERE "storeId" = $1 LIMIT 1`, [
      otherStore,
    ]);
    const otherOrder = rows[0]!;
    await signInAs("merchant");

    for (const path of [`/stores/${otherStore}`, `/orders/${otherOrder.id}`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
      await expect(page.getByText("Casa Verde")).toHaveCount(0);
    }
  });

  test("filtering the orders by another store's id shows nothing of it", async ({ page, signInAs, storeId }) => {
    const otherStore = await storeId("casa-verde");
    await signInAs("merchant");
    await page.goto(`/orders?store=${otherStore}`);
    await expect(page.getByText("Nenhuma encomenda encontrada")).toBeVisible();
  });

  test("sees the store settings but cannot edit them", async ({ page, signInAs, storeId }) => {
    await signInAs("merchant");
    await page.goto(`/stores/${await storeId("loja-do-mar")}`);
    await expect(page.getByText("Só os administradores podem alterar estas definições.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Guardar definições" })).toHaveCount(0);
    await expect(page.getByTestId("vendus-key-hint")).toHaveText("…-mar");
  });
});

test("an accountant opens an order of a client store with its invoice lines", async ({ page, signInAs }) => {
  await signInAs("accountant");
  await page.goto("/orders?q=%231002");
  await page.getByRole("link", { name: "#1002" }).click();
  await expect(page.getByRole("heading", { name: /Encomenda n\.º 1002/ })).toBeVisible();
  await expect(page.getByText(/^FR \d{4}\/1002$/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "Chá de cidreira 50 g" })).toBeVisible();
});

test("an admin changes store settings, and the change is audited", async ({ page, signInAs, storeId }) => {
  await signInAs("admin");
  await page.goto(`/stores/${await storeId("papelaria-lima")}`);
  await page.getByLabel("Taxa de IVA por omissão (%)").fill("0");
  await page.getByRole("button", { name: "Guardar definições" }).click();
  // Both the code and its legal basis are missing, and each field says so.
  await expect(page.getByText("Uma taxa de 0 % exige código de isenção e respetiva base legal")).toHaveCount(2);
  // The refused form keeps what was typed.
  await expect(page.getByLabel("Taxa de IVA por omissão (%)")).toHaveValue("0");

  await page.getByLabel("Código de isenção").fill("M10");
  await page.getByLabel("Base legal da isenção").fill("Artigo 53.º do CIVA");
  await page.getByRole("button", { name: "Guardar definições" }).click();
  await expect(page.getByRole("status")).toHaveText("Guardado");

  await page.getByRole("link", { name: "Auditoria" }).click();
  const row = page
    .getByRole("row")
    .filter({ hasText: "Papelaria Lima" })
    .filter({ hasText: "Definições da loja alteradas" });
  await expect(row).toContainText("defaultVatRate: 23 → 0");
});
