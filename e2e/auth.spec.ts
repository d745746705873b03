import { demoPassword, demoUsers } from "../scripts/demo/fixtures";
import { expect, signIn, submitSignIn, test } from "./fixtures";

test.describe("signed out", () => {
  for (const path of ["/", "/orders", "/stores", "/settings", "/stores/some-store-id"]) {
    test(`${path} sends to the sign-in page`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
      await expect(page.getByRole("heading", { name: "Iniciar sessão no Ponte" })).toBeVisible();
    });
  }
});

test("after signing in, a deep link opens where it pointed", async ({ page }) => {
  await page.goto("/orders?state=failed");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await submitSignIn(page, { email: demoUsers.accountant.email, password: demoPassword });
  await expect(page).toHaveURL(/\/orders\?state=failed$/);
  await expect(page.getByRole("combobox", { name: "Faturação" })).toHaveValue("failed");
});

test.describe("each role sees its stores", () => {
  const expected = {
    admin: { badge: "Administrador", stores: ["Casa Verde", "Loja do Mar", "Papelaria Lima"] },
    accountant: { badge: "Contabilista", stores: ["Casa Verde", "Loja do Mar"] },
    merchant: { badge: "Lojista", stores: ["Loja do Mar"] },
  } as const;

  for (const [role, { badge, stores }] of Object.entries(expected)) {
    test(role, async ({ page, signInAs }) => {
      await signInAs(role as keyof typeof expected);
      await expect(page.getByTestId("current-user")).toContainText(badge);
      await expect(page.getByTestId("overview-store")).toHaveText([...stores]);
      await page.getByRole("link", { name: "Lojas" }).click();
      await expect(page.getByTestId("store-link")).toHaveText([...stores]);
    });
  }
});

test("sign-out returns to the sign-in page and the dashboard stays closed", async ({ page, freshUser }) => {
  // A user of its own: signing out ends every session of the user, and other tests sign in as the demo users.
  await signIn(page, await freshUser({ role: "accountant", storeCodes: ["loja-do-mar"] }));
  await page.getByRole("button", { name: "Terminar sessão" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a message", async ({ page, freshUser }) => {
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Palavra-passe").fill("not-the-password");
  await page.getByRole("button", { name: "Iniciar sessão" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("E-mail ou palavra-passe incorretos.");
});

test("repeated failures lock the account for a while, even with the right password", async ({ page, freshUser }) => {
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  const submit = page.getByRole("button", { name: "Iniciar sessão" });
  const alert = page.getByRole("main").getByRole("alert");
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel("Palavra-passe").fill(`wrong-${attempt}`);
    await submit.click();
    await expect(alert).toHaveText("E-mail ou palavra-passe incorretos.");
    // Wait for the answer before the next try, so that each attempt is counted in order.
    await expect(submit).toBeEnabled();
  }
  await page.getByLabel("Palavra-passe").fill("wrong-5");
  await submit.click();
  await expect(alert).toHaveText(/^Demasiadas tentativas falhadas\. Tente novamente às \d{2}:\d{2}\.$/);

  await page.getByLabel("Palavra-passe").fill(user.password);
  await submit.click();
  await expect(alert).toHaveText(/^Demasiadas tentativas falhadas/);
  await expect(page).toHaveURL(/\/login/);
});

test("a deactivated user cannot sign in", async ({ page, freshUser, sql }) => {
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  await sql.query(`UPDATE "User" SET active = false WHERE id = $1`, [user.id]);
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Palavra-passe").fill(user.password);
  await page.getByRole("button", { name: "Iniciar sessão" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("E-mail ou palavra-passe incorretos.");
});

test("deactivation ends an open session at the next request", async ({ page, freshUser, sql }) => {
  const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  await signIn(page, user);
  await sql.query(`UPDATE "User" SET active = false WHERE id = $1`, [user.id]);
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/login/);
});
