// After signing in, the callback address may only lead to a page of Ponte itself. Browsers drop tabs and
// newlines from URLs and read a backslash as a slash, so "/\t/evil.com" would become "//evil.com".
import { demoPassword, demoUsers } from "../scripts/demo/fixtures";
import { e2eBaseUrl } from "./env";
import { expect, submitSignIn, test } from "./fixtures";

const nasty = [
  "%2F%09%2Fevil.com",
  "%2F%0A%2Fevil.com",
  "%2F%5Cevil.com",
  "%2F%2Fevil.com",
  "https%3A%2F%2Fevil.com",
  "javascript%3Aalert(1)",
  "%2F.%2F%2Fevil.com",
];

test("the sign-in form never sends a user to another site", async ({ page }) => {
  for (const callbackUrl of nasty.slice(0, 3)) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await submitSignIn(page, { email: demoUsers.accountant.email, password: demoPassword });
    await expect(page).toHaveURL(`${e2eBaseUrl}/`);
  }
});

test("a signed-in visitor of the sign-in page is sent to a page of Ponte, never elsewhere", async ({
  page,
  signInAs,
}) => {
  await signInAs("accountant");
  for (const callbackUrl of nasty) {
    const response = await page.request.get(`/login?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(response.status(), callbackUrl).toBe(307);
    expect(response.headers().location, callbackUrl).toBe("/");
  }
  const deepLink = await page.request.get(`/login?callbackUrl=${encodeURIComponent("/orders?state=failed")}`, {
    maxRedirects: 0,
  });
  expect(deepLink.headers().location).toBe("/orders?state=failed");
});
