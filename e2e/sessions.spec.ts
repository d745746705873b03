// Sessions end when they should, in the browser: a copied session cookie is dead after sign-out; a password
// change keeps this browser signed in and signs the others out; an admin's access change signs the user out;
// "forgot password" e-mails a link (read from the Resend fake's mailbox) that works once; an admin sends one.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { e2eResendUrl } from "./env";
import { expect, signIn, submitSignIn, test, type Credentials } from "./fixtures";

/** A second browser (its own cookies), signed in as the user. */
async function secondBrowser(browser: Browser, user: Credentials): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

/**
 * A new merchant of loja-do-mar, signed in here (when `page` is given) and in a second browser. Two browsers and
 * several sign-ins: slow on a busy machine.
 */
async function merchantInTwoBrowsers(
  browser: Browser,
  freshUser: (input: { role: "merchant"; storeCodes: string[] }) => Promise<Credentials & { id: string }>,
  page?: Page,
) {
  test.slow();
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  if (page) await signIn(page, user);
  return { user, other: await secondBrowser(browser, user) };
}

async function expectSignedOut(page: Page) {
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Iniciar sessão no Ponte" })).toBeVisible();
}

/** The reset link in the newest e-mail the server sent to this address. */
async function resetLinkFor(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const response = await fetch(`${e2eResendUrl}/emails`, { headers: { authorization: "Bearer e2e" } });
      const { data } = (await response.json()) as { data: { to: string[]; text: string }[] };
      const mail = data.find((m) => m.to.includes(email));
      link = mail ? /http:\/\/\S+\/login\/reset\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0] : undefined;
      return link;
    })
    .toBeTruthy();
  return link!;
}

async function emailsTo(email: string): Promise<number> {
  const response = await fetch(`${e2eResendUrl}/emails`, { headers: { authorization: "Bearer e2e" } });
  const { data } = (await response.json()) as { data: { to: string[] }[] };
  return data.filter((m) => m.to.includes(email)).length;
}

test("after sign-out, a copy of the session cookie opens nothing, on any device", async ({
  page,
  browser,
  freshUser,
}) => {
  const { other } = await merchantInTwoBrowsers(browser, freshUser, page);
  const copied = await page.context().cookies();

  await page.getByRole("button", { name: "Terminar sessão" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  await expectSignedOut(await thief.newPage());
  await expectSignedOut(other.page);
  await Promise.all([thief.close(), other.context.close()]);
});

test("changing the password keeps this browser signed in and signs the others out", async ({
  page,
  browser,
  freshUser,
}) => {
  const { user, other } = await merchantInTwoBrowsers(browser, freshUser, page);

  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Palavra-passe", exact: true });
  await form.getByLabel("Palavra-passe atual", { exact: true }).fill("not-my-password");
  await form.getByLabel("Nova palavra-passe", { exact: true }).fill("a-brand-new-password");
  await form.getByLabel("Repita a nova palavra-passe", { exact: true }).fill("a-brand-new-password");
  await form.getByRole("button", { name: "Alterar a palavra-passe" }).click();
  await expect(form.getByText("Não é a sua palavra-passe atual")).toBeVisible();

  await form.getByLabel("Palavra-passe atual", { exact: true }).fill(user.password);
  await form.getByRole("button", { name: "Alterar a palavra-passe" }).click();
  await expect(form.getByRole("status")).toHaveText("Palavra-passe alterada. As suas outras sessões terminaram.");

  await page.goto("/orders");
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expectSignedOut(other.page);
  await submitSignIn(other.page, { email: user.email, password: "a-brand-new-password" });
  await other.context.close();
});

test("an admin's change to a user's access signs that user out", async ({ page, browser, signInAs, freshUser }) => {
  const { user, other: merchant } = await merchantInTwoBrowsers(browser, freshUser);
  await signInAs("admin");
  await page.goto(`/settings?user=${user.id}`);
  const form = page.getByRole("form", { name: "Editar acessos" });
  await form.getByLabel("Casa Verde").check();
  await form.getByRole("button", { name: "Guardar acessos" }).click();
  await expect(page.getByRole("row").filter({ hasText: user.email })).toContainText("Casa Verde");

  await expectSignedOut(merchant.page);
  await submitSignIn(merchant.page, user);
  await expect(merchant.page.getByTestId("overview-store")).toHaveText(["Casa Verde", "Loja do Mar"]);
  await merchant.context.close();
});

test("forgot password: the same answer for any address, and an e-mailed link that works once", async ({
  page,
  freshUser,
}) => {
  // Two browsers and several sign-ins: slow on a busy machine.
  test.slow();
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  const sentAnswer =
    "Se este endereço pertencer a uma conta, vai receber uma ligação para definir uma nova palavra-passe. Funciona uma vez, durante uma hora.";

  await page.goto("/login");
  await page.getByRole("link", { name: "Esqueceu-se da palavra-passe?" }).click();
  await expect(page).toHaveURL(/\/login\/forgot$/);
  await page.getByLabel("E-mail").fill(`nobody-${user.id}@ponte.test`);
  await page.getByRole("button", { name: "Enviar a ligação" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(sentAnswer);

  await page.goto("/login/forgot");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByRole("button", { name: "Enviar a ligação" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(sentAnswer);

  const link = await resetLinkFor(user.email);
  await page.goto(link);
  await expect(page.getByText(`Para ${user.email}`)).toBeVisible();
  await page.getByLabel("Nova palavra-passe", { exact: true }).fill("reset-by-link-password");
  await page.getByLabel("Repita a nova palavra-passe", { exact: true }).fill("reset-by-link-password");
  await page.getByRole("button", { name: "Definir a palavra-passe" }).click();
  await expect(page).toHaveURL(/\/login\?reset=done$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "A palavra-passe foi alterada. Inicie sessão com a nova.",
  );
  await submitSignIn(page, { email: user.email, password: "reset-by-link-password" });

  const again = await page.context().browser()!.newPage();
  await again.goto(link);
  await expect(again.getByRole("main").getByRole("alert")).toHaveText(
    "Esta ligação já não funciona: já foi usada, expirou ou foi enviada uma mais recente.",
  );
  await again.close();
});

test("an admin sends a user a link to set their password", async ({ page, signInAs, freshUser }) => {
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  await signInAs("admin");
  await page.goto("/settings");
  const row = page.getByRole("row").filter({ hasText: user.email });
  await row.getByRole("button", { name: "Enviar ligação de palavra-passe" }).click();
  await expect(row.getByRole("status")).toHaveText("Ligação enviada");
  expect(await emailsTo(user.email)).toBe(1);
  expect(await resetLinkFor(user.email)).toMatch(/\/login\/reset\?token=/);
});
