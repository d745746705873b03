import { periodLabel, previousPeriod } from "../lib/saft/period";
import { expect, test } from "./fixtures";

test("a merchant retries a failed job from the jobs page and sees it queued", async ({
  page,
  signInAs,
  failedSyncJob,
}) => {
  const subject = await failedSyncJob("loja-do-mar");
  await signInAs("merchant");
  await page.getByRole("link", { name: "Tarefas" }).click();

  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText("Falhada");
  await expect(row).toContainText("Vendus não respondeu (503)");
  await row.getByRole("checkbox", { name: `Selecionar a tarefa ${subject}` }).check();
  await expect(page.getByText("1 tarefa selecionada")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/jobs-pt-PT.png", fullPage: true });

  await row.getByRole("button", { name: `Repetir a tarefa ${subject}` }).click();
  await expect(row.getByRole("status")).toHaveText("Reenviada");
  await expect(row).toContainText("Na fila");
  await expect(row.getByRole("button", { name: /Repetir/ })).toHaveCount(0);
  await expect(row.getByRole("checkbox")).toHaveCount(0);
});

test("a merchant sees the credit-note suggestion but not the shortcut", async ({ page, signInAs }) => {
  await signInAs("merchant");
  await page.goto("/orders?q=%231007");
  await page.getByRole("link", { name: "#1007" }).click();
  await expect(page.getByRole("heading", { name: "Nota de crédito sugerida", exact: true })).toBeVisible();
  await expect(page.getByText("Um contabilista ou um administrador pode emiti-la aqui.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Emitir nota de crédito" })).toHaveCount(0);
  // The document's PDF is linked from its box and from the timeline: the same document, the same address.
  const pdf = page.getByRole("link", { name: /^Descarregar o PDF de FR \d{4}\/1007$/ });
  await expect(pdf).toHaveCount(2);
  await expect(pdf.first()).toBeVisible();
  expect(await pdf.first().getAttribute("href")).toBe(await pdf.last().getAttribute("href"));
});

test("an accountant issues a partial credit note through the form", async ({ page, signInAs }) => {
  await signInAs("accountant");
  await page.goto("/orders?q=%231001");
  await page.getByRole("link", { name: "#1001" }).click();
  await expect(page.getByRole("heading", { name: /Encomenda n\.º 1001/ })).toBeVisible();

  await page.getByRole("button", { name: "Emitir nota de crédito" }).click();
  const dialog = page.getByRole("dialog", { name: /^Nota de crédito para FR \d{4}\/1001$/ });
  await expect(dialog.getByRole("note")).toContainText("Os documentos emitidos não podem ser alterados nem apagados.");
  // The whole invoice by default: 2 × 12,90 € + 15,90 €.
  await expect(dialog.getByTestId("credit-amount")).toHaveText("41,70 €");

  await dialog.getByRole("radio", { name: /Linhas escolhidas/ }).check();
  const qty = dialog.getByLabel("Unidades a creditar na linha 1");
  await qty.fill("3");
  await dialog.getByLabel("Motivo").selectOption({ label: "Devolução de mercadoria" });
  await dialog.getByRole("button", { name: "Emitir nota de crédito" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "Linha 1 (“Vela de cera de abelha”): pedidas 3, mas só 2 de 2 podem ainda ser creditadas.",
  );

  await qty.fill("1");
  await expect(dialog.getByTestId("credit-amount")).toHaveText("12,90 €");
  await page.screenshot({ path: "test-results/screenshots/credit-note-form-pt-PT.png", fullPage: true });
  await dialog.getByRole("button", { name: "Emitir nota de crédito" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Nota de crédito pedida." })).toBeVisible();
  await expect(page.getByText("Nota de crédito a caminho")).toBeVisible();
  const creditJob = page.getByRole("row").filter({ hasText: "Nota de crédito" });
  await expect(creditJob).toContainText("Na fila");

  // What is left: one unit of line 1 and line 2, on top of the request on its way.
  await page.getByRole("button", { name: "Emitir nota de crédito" }).click();
  await expect(dialog.getByTestId("credit-amount")).toHaveText("28,80 €");
  await expect(dialog.getByRole("row").filter({ hasText: "Vela de cera de abelha" })).toContainText("1 a caminho");
});

test("an accountant downloads a store's SAF-T for the previous month", async ({ page, signInAs, storeId }) => {
  await signInAs("accountant");
  await page.goto(`/stores/${await storeId("loja-do-mar")}`);
  const saft = page.getByRole("form", { name: "SAF-T (PT)" });
  const previous = previousPeriod();
  const period = periodLabel(previous);
  await expect(saft.getByLabel("Ano")).toHaveValue(String(previous.year));
  await expect(saft.getByLabel("Mês")).toHaveValue(String(previous.month));

  const download = page.waitForEvent("download");
  await saft.getByRole("button", { name: "Descarregar SAF-T" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`SAFT-PT_loja-do-mar_${period}.xml`);
  await expect(saft.getByRole("status")).toHaveText(`SAFT-PT_loja-do-mar_${period}.xml descarregado.`);
});

test("a refused Vendus key and a missing PDF are explained where the user clicked", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/stores");
  await page.getByRole("link", { name: /^Descarregar o SAF-T de Papelaria Lima/ }).click();
  const row = page.getByRole("row").filter({ hasText: "Papelaria Lima" });
  await expect(row.getByRole("alert")).toHaveText(
    "O Vendus recusou a chave da API da loja: cole uma chave válida na ligação da loja.",
  );

  // The demo's invoices were never issued in the simulator: Vendus answers 404 for their PDF.
  await page.goto("/orders?q=%231006");
  await page.getByRole("link", { name: "#1006" }).click();
  // The document's box comes before the timeline, which links the same PDF.
  await page
    .getByRole("link", { name: /^Descarregar o PDF de FR \d{4}\/1006$/ })
    .first()
    .click();
  // (Next's route announcer is an empty alert of its own.)
  await expect(page.getByRole("alert").filter({ hasText: "O Vendus" })).toHaveText(/^O Vendus recusou o pedido: .+/);
});
