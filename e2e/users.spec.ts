import { randomBytes } from "node:crypto";
import { expect, signIn, test } from "./fixtures";

test("an admin creates a merchant, who then signs in and sees only their store", async ({
  page,
  signInAs,
  browser,
}) => {
  // Two browsers, two sign-ins and the audit trail: the slow test budget.
  test.slow();
  const email = `nova-${randomBytes(3).toString("hex")}@ponte.test`;
  await signInAs("admin");
  await page.getByRole("link", { name: "Definições" }).click();
  await page.getByText("Adicionar utilizador").click();
  const form = page.getByRole("form", { name: "Adicionar utilizador" });
  await form.getByLabel("Nome").fill("Nova Lojista");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Palavra-passe inicial").fill("uma-palavra-passe-longa");
  await form.getByLabel("Perfil").selectOption("merchant");
  await form.getByRole("button", { name: "Criar utilizador" }).click();
  await expect(form.getByText("Escolha pelo menos uma loja")).toBeVisible();
  await form.getByLabel("Casa Verde").check();
  await form.getByRole("button", { name: "Criar utilizador" }).click();

  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Lojista");
  await expect(row).toContainText("Casa Verde");

  const other = await browser.newPage();
  await signIn(other, { email, password: "uma-palavra-passe-longa" });
  await expect(other.getByTestId("overview-store")).toHaveText(["Casa Verde"]);
  await other.close();

  await page.getByRole("link", { name: "Auditoria" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Utilizador criado" }).filter({ hasText: email })).toBeVisible();
});

test("an admin deactivates and reactivates a user", async ({ page, signInAs, freshUser }) => {
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  await signInAs("admin");
  await page.goto("/settings");
  const row = page.getByRole("row").filter({ hasText: user.email });
  await row.getByRole("button", { name: "Desativar" }).click();
  await expect(row).toContainText("Inativo");
  await row.getByRole("button", { name: "Reativar" }).click();
  await expect(row).toContainText("Ativo");
});

test("an admin changes a user's access from the list", async ({ page, signInAs, freshUser }) => {
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  await signInAs("admin");
  await page.goto("/settings");
  await page.getByRole("row").filter({ hasText: user.email }).getByRole("link", { name: "Editar" }).click();
  await expect(page).toHaveURL(/\/settings\?user=/);
  const form = page.getByRole("form", { name: "Editar acessos" });
  await form.getByLabel("Perfil").selectOption("accountant");
  await form.getByLabel("Todas as lojas").check();
  await form.getByRole("button", { name: "Guardar acessos" }).click();
  const row = page.getByRole("row").filter({ hasText: user.email });
  await expect(row).toContainText("Contabilista");
  await expect(row).toContainText("Todas as lojas");
});

test("a non-admin has no user management", async ({ page, signInAs }) => {
  await signInAs("accountant");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Perfil" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Utilizadores" })).toHaveCount(0);
});
