import { expect, test } from "./fixtures";

test("an accountant checks a store's connection, sees what to fix, and the overview says why it cannot invoice", async ({
  page,
  signInAs,
  storeId,
}) => {
  await signInAs("accountant");
  await page.goto(`/stores/${await storeId("casa-verde")}`);
  const card = page.getByTestId("readiness");
  await expect(card).toContainText("Ainda não verificada");

  await page.getByRole("button", { name: "Verificar ligação" }).click();
  await expect(card).toContainText("Não está pronta a faturar");
  await expect(card).toContainText("O Vendus aceita a chave da API (conta de Loja Exemplo, Lda., NIF 509100015)");
  await expect(card).toContainText("A caixa 2 não existe nesta conta Vendus");
  await expect(card).toContainText(
    "Como corrigir: Escolha uma das caixas da conta nas definições da loja (ou store:add --register …).",
  );
  await expect(card).toContainText("A Jumpseller não respondeu");

  await page.getByRole("link", { name: "Visão geral" }).click();
  const row = page.getByRole("row").filter({ hasText: "Casa Verde" });
  await expect(row).toContainText("Não está pronta a faturar");
  await expect(row.getByTestId("not-ready-reasons")).toContainText("A caixa 2 não existe nesta conta Vendus");
  // Each store's row carries its own verdict (another test may have checked Loja do Mar by saving its settings).
  await expect(page.getByRole("row").filter({ hasText: "Loja do Mar" })).not.toContainText("A caixa 2 não existe");
});
