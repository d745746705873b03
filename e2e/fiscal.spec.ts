import { expect, test } from "./fixtures";

test("an accountant sees what to check on an invoice and the buyer's VIES answer on the order", async ({
  page,
  signInAs,
  storeId,
  sql,
}) => {
  const store = await storeId("casa-verde");
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE "Order" SET "invoiceWarnings" = ARRAY[$2], "viesCheck" = $3::jsonb
     WHERE id = (SELECT id FROM "Order" WHERE "storeId" = $1 ORDER BY "orderedAt" DESC LIMIT 1) RETURNING id`,
    [
      store,
      "Issued VAT-exempt as an intra-community supply (M16, art. 14.º of the RITI) to DE: the customer's VAT number must be valid in VIES, and proof of transport must be kept.",
      JSON.stringify({
        vatNumber: "DE129273398",
        valid: true,
        requestDate: "2026-03-02T10:00:00.000Z",
        requestIdentifier: "WAPIAAAA00000001",
      }),
    ],
  );
  await signInAs("accountant");
  await page.goto(`/orders/${rows[0]!.id}`);
  await expect(page.getByRole("list", { name: "A verificar nesta fatura" })).toContainText(
    "intra-community supply (M16, art. 14.º of the RITI) to DE",
  );
  await expect(page.getByText("Válido")).toBeVisible();
  await expect(page.getByText(/DE129273398 · /)).toBeVisible();
});

test("an admin sets shipping VAT to follow the goods and confirms VAT numbers in VIES", async ({
  page,
  signInAs,
  storeId,
  sql,
}) => {
  const store = await storeId("loja-do-mar");
  await signInAs("admin");
  await page.goto(`/stores/${store}`);
  await page.getByLabel("IVA dos portes").selectOption("follow_goods");
  await page.getByLabel("Número de IVA da UE inválido").selectOption("consumer");
  await page.getByLabel("Confirmar números de IVA da UE no VIES").check();
  await page.getByRole("button", { name: "Guardar definições" }).click();
  await expect(page.getByRole("status")).toHaveText("Guardado");
  const { rows } = await sql.query(
    `SELECT "shippingVat", "invalidVatNumberPolicy", "viesCheck" FROM "Store" WHERE id = $1`,
    [store],
  );
  expect(rows[0]).toEqual({ shippingVat: "follow_goods", invalidVatNumberPolicy: "consumer", viesCheck: true });
  await page.reload();
  await expect(page.getByLabel("IVA dos portes")).toHaveValue("follow_goods");
});
