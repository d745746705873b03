import { expect, signIn, test } from "./fixtures";

test("the language switch changes the interface and is remembered", async ({ page, freshUser }) => {
  const user = await freshUser({ role: "accountant", storeCodes: ["loja-do-mar", "casa-verde"] });
  await signIn(page, user);
  const nav = page.getByRole("navigation", { name: /Navegação principal|Main navigation/ });
  await expect(nav.getByRole("link", { name: "Encomendas" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Visão geral" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/overview-pt-PT.png", fullPage: true });

  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: "test-results/screenshots/overview-en.png", fullPage: true });

  await page.reload();
  await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();

  // The choice is also the user's: it follows them to a new browser.
  await page.context().clearCookies();
  await signIn(page, user);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await page.getByRole("button", { name: "PT", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Visão geral" })).toBeVisible();
});

test("the sign-in page has the switch too", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Ponte" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
