// Every page answers with the security headers, and works under its Content-Security-Policy: a page that
// needed an inline script or style the policy does not allow would log a violation, which fails any test
// (the cspViolations fixture in e2e/fixtures.ts).
import { expect, signIn, test } from "./fixtures";

function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
}

test("the sign-in page has the security headers and a fresh nonce on every load", async ({ page, cspViolations }) => {
  const first = await page.goto("/login");
  expectSecurityHeaders(first!.headers());
  const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  const second = await page.request.get("/login");
  expect(nonce(second.headers()["content-security-policy"]!)).not.toBe(
    nonce(first!.headers()["content-security-policy"]!),
  );
  await expect(page.getByRole("button", { name: "Iniciar sessão" })).toBeEnabled();
  expect(cspViolations).toEqual([]);
});

test("API answers carry nosniff and the referrer policy", async ({ page }) => {
  const health = await page.request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["referrer-policy"]).toBe("same-origin");
});

test("every dashboard page works under the policy, for an admin", async ({
  page,
  freshUser,
  storeId,
  sql,
  cspViolations,
}) => {
  // Opens every dashboard page in turn: the slow test budget.
  test.slow();
  // An admin of this test's own: switching the language below changes the account's preference.
  await signIn(page, await freshUser({ role: "admin" }));
  const store = await storeId("loja-do-mar");
  const { rows } = await sql.query<{ id: string }>(
    `SELECT o.id FROM "Order" o JOIN "Document" d ON d."orderId" = o.id WHERE o."storeId" = $1 LIMIT 1`,
    [store],
  );
  const paths = ["/", "/orders", `/orders/${rows[0]!.id}`, "/jobs", "/stores", `/stores/${store}`, "/stores/connect"];
  for (const path of [...paths, "/audit", "/no-such-page", "/settings"]) {
    const response = await page.goto(path);
    expectSecurityHeaders(response!.headers());
  }
  // Scripts ran: the language switch is a client component.
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  expect(cspViolations).toEqual([]);
});
