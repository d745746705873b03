// The month-close page end to end: an accountant closes a month for two stores (asks for the reports, sees
// them being built, then their statuses), downloads one store's CSV and the SAF-T of both stores as one ZIP;
// a merchant sees only their own store, read-only. Nothing runs in the background here (no Inngest app is
// registered with the e2e stand-in), so the test does the background's part itself: the month's reports are
// written as the run saves them, and the ZIP's per-store exports run through e2e/support/run-saft-bundle.ts.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import JSZip from "jszip";
import { demoPassword, demoUsers } from "../scripts/demo/fixtures";
import { e2eServerEnv } from "./env";
import { expect, test, type Credentials } from "./fixtures";

/** Signs in, giving a loaded machine's first sign-in (bcrypt, a cold server) more than the usual 10 s. */
async function signInSlowly(page: Page, { email, password }: Credentials) {
  await page.goto("/login");
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/palavra-passe|password/i).fill(password);
  await page.getByRole("button", { name: /iniciar sessão|sign in/i }).click();
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 30_000 });
}

/** The month of Loja do Mar's latest demo invoice, so that its CSV has rows: "YYYY-MM". */
async function demoMonth(sql: import("pg").Pool): Promise<string> {
  const { rows } = await sql.query<{ month: string }>(
    `SELECT to_char(max(d."issuedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Lisbon'), 'YYYY-MM') AS month
       FROM "Document" d JOIN "Store" s ON s.id = d."storeId" WHERE s.code = 'loja-do-mar'`,
  );
  return rows[0]!.month;
}

function report(month: string, withoutInvoice: number) {
  const [year, m] = month.split("-").map(Number);
  const totals = (count: number) => ({ count, netCents: count * 2000, grossCents: count * 2460, vat: [] });
  const list = (count: number, items: unknown[] = []) => ({ count, items });
  return {
    version: 1,
    period: { year, month: m },
    mode: "normal",
    jumpseller: { paidCount: 3 + withoutInvoice, paidCents: (3 + withoutInvoice) * 2460 },
    vendus: { invoices: totals(3), creditNotes: totals(0) },
    differences: {
      withoutInvoice: list(withoutInvoice),
      grossMismatch: list(0),
      cancelledNotCredited: list(0),
      outsidePonte: list(0),
      invoicedNextMonth: list(0),
    },
    vatUnknownDocuments: 0,
  };
}

test("an accountant closes a month for two stores and downloads its CSV and the SAF-T ZIP", async ({
  page,
  sql,
  freshUser,
}) => {
  // Two reports, a CSV, a ZIP of two stores' SAF-T and a tsx run: minutes on a loaded machine.
  test.setTimeout(240_000);
  const month = await demoMonth(sql);
  const accountant = await freshUser({ role: "accountant", storeCodes: ["loja-do-mar", "casa-verde"] });
  await signInSlowly(page, accountant);
  await page.goto(`/month-close?month=${month}`);
  await expect(page.getByTestId("month-store")).toHaveText(["Casa Verde", "Loja do Mar"]);

  // Close the month: ask for both reports; they are queued and shown being built.
  await page.getByRole("button", { name: "Atualizar todas as lojas" }).click();
  await expect(page.getByText("2 relatórios pedidos: estão a ser construídos.")).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(2);
  // The background runs save their reports (as lib/month-close/run.ts saveReport does): the page refreshes itself.
  const { rowCount } = await sql.query(
    `UPDATE "MonthClose" mc SET run = 'done', progress = 100, phase = NULL, "finishedAt" = now(), "checkedAt" = now(),
        outcome = CASE s.code WHEN 'loja-do-mar' THEN 'needs_attention' ELSE 'ready' END::"MonthCloseOutcome",
        report = CASE s.code WHEN 'loja-do-mar' THEN $2::jsonb ELSE $3::jsonb END
       FROM "Store" s
      WHERE s.id = mc."storeId" AND s.code IN ('loja-do-mar', 'casa-verde') AND mc.year = $1::int / 100
        AND mc.month = $1::int % 100 AND mc.run IN ('queued', 'running')`,
    [Number(month.replace("-", "")), JSON.stringify(report(month, 1)), JSON.stringify(report(month, 0))],
  );
  expect(rowCount).toBe(2);
  await expect(page.getByTestId("month-status")).toHaveText(["Pronto", "Requer atenção"]);
  await expect(page.getByTestId("month-summary")).toHaveText("1 prontas, 1 requerem atenção, 0 por verificar.");

  // Loja do Mar's CSV: the header in Portuguese, then one line per document of the month and per paid order
  // without an invoice, each document by its number.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exportar Loja do Mar em CSV" }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe(`ponte_loja-do-mar_${month}.csv`);
  const csv = (await readFile((await csvFile.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(
    /^Loja,Encomenda,Paga em,Cliente,NIF,País,Tipo de documento,Número do documento,ATCUD,Data do documento,Líquido,/,
  );
  const { rows: documents } = await sql.query<{ number: string; type: string }>(
    `SELECT d.number, d.type::text AS type FROM "Document" d JOIN "Store" s ON s.id = d."storeId"
      WHERE s.code = 'loja-do-mar'
        AND to_char(d."issuedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM') = $1
      ORDER BY d."issuedAt", d.id`,
    [month],
  );
  expect(documents.length).toBeGreaterThan(0);
  const documentLines = lines.slice(1, 1 + documents.length);
  expect(documentLines.map((line) => line.split(",")[7])).toEqual(documents.map((d) => d.number));
  expect(documentLines.every((line) => line.startsWith("Loja do Mar,"))).toBe(true);

  // The SAF-T of both stores as one ZIP, built in the background.
  await page.getByRole("button", { name: "SAF-T de todas as lojas (ZIP)" }).click();
  await expect(page.getByText("A exportar o SAF-T de 2 lojas em segundo plano.")).toBeVisible();
  await expect(page.getByTestId("saft-zip")).toContainText("0 de 2 lojas");
  const { rows: bundles } = await sql.query<{ id: string }>(
    `SELECT id FROM "SaftBundle" WHERE "requestedById" = $1 ORDER BY "requestedAt" DESC LIMIT 1`,
    [accountant.id],
  );
  execFileSync("npx", ["tsx", path.join(__dirname, "support", "run-saft-bundle.ts"), bundles[0]!.id], {
    env: { ...process.env, ...e2eServerEnv },
    stdio: "pipe",
  });
  const zipLink = page.getByRole("link", { name: "Descarregar ZIP (2 ficheiros SAF-T)" });
  await expect(zipLink).toBeVisible();
  const zipDownload = page.waitForEvent("download");
  await zipLink.click();
  const zipFile = await zipDownload;
  expect(zipFile.suggestedFilename()).toBe(`SAFT-PT_${month}.zip`);
  const zip = await JSZip.loadAsync(await readFile((await zipFile.path())!));
  expect(Object.keys(zip.files).sort()).toEqual(
    ["RESUMO.txt", `SAFT-PT_${month}_casa-verde.xml`, `SAFT-PT_${month}_loja-do-mar.xml`].sort(),
  );
  expect(await zip.file(`SAFT-PT_${month}_loja-do-mar.xml`)!.async("string")).toContain("<AuditFile");
  expect(await zip.file("RESUMO.txt")!.async("string")).toContain("2 lojas exportadas:");

  // Each store's month now says who exported its SAF-T.
  await page.reload();
  await expect(page.getByTestId("saft-exported")).toHaveCount(2);
  await expect(page.getByTestId("saft-exported").first()).toContainText(`por E2E accountant`);
});

test("a merchant sees only their own store's month, read-only", async ({ page, sql }) => {
  test.slow();
  const month = await demoMonth(sql);
  await signInSlowly(page, { email: demoUsers.merchant.email, password: demoPassword });
  await page.goto(`/month-close?month=${month}`);
  await expect(page.getByTestId("month-store")).toHaveText(["Loja do Mar"]);
  await expect(page.getByTestId("oss-store")).toHaveText(["Loja do Mar"]);
  await expect(page.getByRole("button", { name: /Atualizar/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "SAF-T de todas as lojas (ZIP)" })).toHaveCount(0);
  // Reading is allowed: the month's exports of the store they see.
  await expect(page.getByRole("link", { name: "Exportar Loja do Mar em CSV" })).toBeVisible();
});
