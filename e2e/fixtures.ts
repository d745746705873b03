// Fixtures: SQL access to the e2e database for seeding what a test needs, and sign-in by role or as a fresh
// user. Plain pg rather than Prisma: the generated client is an ES module that Playwright's loader cannot run.
import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";
import { demoPassword, demoUsers } from "../scripts/demo/fixtures";
import { e2eServerEnv } from "./env";
import { insertFailedSyncJob, insertInvalidNifJob, insertOrder } from "./support/seed";

export { expect };

export type DemoRole = keyof typeof demoUsers;

export interface Credentials {
  email: string;
  password: string;
}

export async function signIn(page: Page, credentials: Credentials): Promise<void> {
  await page.goto("/login");
  await submitSignIn(page, credentials);
}

/** Fills and sends the sign-in form already on the page, then waits for the dashboard. */
export async function submitSignIn(page: Page, { email, password }: Credentials): Promise<void> {
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/palavra-passe|password/i).fill(password);
  await page.getByRole("button", { name: /iniciar sessão|sign in/i }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Collects the CSP violations the page reports, from the DOM event and from the console. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

interface Fixtures {
  /** Every test fails if a page it opened reported a Content-Security-Policy violation. */
  cspViolations: string[];
  /** Signs the page in as the demo user of a role. */
  signInAs: (role: DemoRole) => Promise<void>;
  /** A new user only this test uses (so that changing it cannot disturb another test). */
  freshUser: (input: {
    role: DemoRole;
    storeCodes?: string[];
    locale?: "pt-PT" | "en";
  }) => Promise<Credentials & { id: string }>;
  storeId: (code: string) => Promise<string>;
  /** A new accountant of one store (as `freshUser` makes it), with the store's id. */
  storeAccountant: (
    storeCode: string,
    locale?: "pt-PT" | "en",
  ) => Promise<{ storeId: string; accountant: Credentials & { id: string } }>;
  /** A paid order of the store whose invoice failed on the customer's invalid NIF (123456780), with its job. */
  failedInvoice: (storeCode: string) => Promise<{ orderId: string; number: number; jobId: string }>;
  /** A failed product-sync job of the store (Vendus answered 503); returns the job's subject. */
  failedSyncJob: (storeCode: string) => Promise<string>;
}

// The callback is named `provide`, not Playwright's usual `use`, so that React's lint rules do not mistake it
// for a hook.
export const test = base.extend<Fixtures, { sql: pg.Pool }>({
  sql: [
    async ({}, provide) => {
      const pool = new pg.Pool({ connectionString: e2eServerEnv.DATABASE_URL, max: 2 });
      await provide(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],
  cspViolations: [
    async ({ page }, provide) => {
      const violations = watchViolations(page);
      await provide(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  signInAs: async ({ page }, provide) => {
    await provide((role) => signIn(page, { email: demoUsers[role].email, password: demoPassword }));
  },
  storeId: async ({ sql }, provide) => {
    await provide(async (code) => {
      const { rows } = await sql.query<{ id: string }>(`SELECT id FROM "Store" WHERE code = $1`, [code]);
      if (!rows[0]) throw new Error(`No store ${code}`);
      return rows[0].id;
    });
  },
  storeAccountant: async ({ storeId, freshUser }, provide) => {
    await provide(async (code, locale) => ({
      storeId: await storeId(code),
      accountant: await freshUser({ role: "accountant", storeCodes: [code], locale }),
    }));
  },
  failedInvoice: async ({ sql, storeId }, provide) => {
    await provide(async (code) => {
      const store = await storeId(code);
      const order = await insertOrder(sql, store, { nif: "123456780", invoiceState: "failed" });
      return { ...order, jobId: await insertInvalidNifJob(sql, store, order) };
    });
  },
  failedSyncJob: async ({ sql, storeId }, provide) => {
    await provide(async (code) => insertFailedSyncJob(sql, await storeId(code)));
  },
  freshUser: async ({ sql }, provide) => {
    await provide(async ({ role, storeCodes = [], locale = "pt-PT" }) => {
      const suffix = randomBytes(4).toString("hex");
      const user = {
        id: `e2e${suffix}`,
        email: `e2e-${role}-${suffix}@ponte.test`,
        password: `e2e-password-${suffix}`,
      };
      const hash = await bcrypt.hash(user.password, Number(e2eServerEnv.PONTE_PASSWORD_HASH_COST));
      await sql.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, locale, "updatedAt")
         VALUES ($1, $2, $3, $4, $5::"Role", $6, now())`,
        [user.id, user.email, `E2E ${role} ${suffix}`, hash, role, locale],
      );
      await sql.query(
        `INSERT INTO "StoreAccess" ("userId", "storeId") SELECT $1, id FROM "Store" WHERE code = ANY($2::text[])`,
        [user.id, storeCodes],
      );
      return user;
    });
  },
});
