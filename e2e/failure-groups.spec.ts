// Failures grouped by cause on the jobs page, in both languages: "retry this group" sends again only the jobs
// of that cause in the stores the user sees, and the list follows the retried jobs by itself until they are done.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { expect, signIn, test } from "./fixtures";

// Each test seeds failures in Papelaria Lima, which only this accountant (and admins) see: one at a time.
test.describe.configure({ mode: "serial" });

interface Words {
  switchTo: string | null;
  jobs: string;
  groupsTitle: string;
  summary: RegExp;
  invalidNif: string;
  invalidNifMessage: (nif: string) => string;
  vendusDown: string;
  unknownRate: string;
  openSetting: string;
  retryGroup: (count: number, cause: string) => string;
  sentAgain: string;
  failed: string;
  queued: string;
  succeeded: string;
  detail: string;
}

const portuguese: Words = {
  switchTo: null,
  jobs: "Tarefas",
  groupsTitle: "Falhas por causa",
  summary: /^4 falhadas — NIF inválido 2, Taxa de IVA desconhecida 1, Vendus indisponível 1$/,
  invalidNif: "NIF inválido",
  invalidNifMessage: (nif) => `O NIF “${nif}” indicado pelo cliente não é um NIF português válido`,
  vendusDown: "Vendus indisponível",
  unknownRate: "Taxa de IVA desconhecida",
  openSetting: "Abrir a definição da loja",
  retryGroup: (count, cause) => `Repetir as ${count} tarefas falhadas da causa “${cause}”`,
  sentAgain: "2 tarefas reenviadas.",
  failed: "Falhada",
  queued: "Na fila",
  succeeded: "Concluída",
  detail: "Detalhe técnico",
};

const english: Words = {
  switchTo: "EN",
  jobs: "Jobs",
  groupsTitle: "Failures by cause",
  summary: /^4 failed — Invalid NIF 2, Unknown VAT rate 1, Vendus unavailable 1$/,
  invalidNif: "Invalid NIF",
  invalidNifMessage: (nif) => `The NIF “${nif}” given by the customer is not a valid Portuguese NIF`,
  vendusDown: "Vendus unavailable",
  unknownRate: "Unknown VAT rate",
  openSetting: "Open the store setting",
  retryGroup: (count, cause) => `Retry the ${count} failed jobs of the cause “${cause}”`,
  sentAgain: "2 jobs sent again.",
  failed: "Failed",
  queued: "Queued",
  succeeded: "Succeeded",
  detail: "Technical detail",
};

async function seedFailure(
  sql: pg.Pool,
  storeId: string,
  subject: string,
  error: { kind: string; code: string; params: object; message: string },
) {
  await sql.query(
    `INSERT INTO "Job" (id, "storeId", kind, subject, status, attempts, "lastErrorKind", "lastErrorCode",
                        "lastErrorParams", "lastErrorMessage", "finishedAt", "createdAt", "updatedAt")
     VALUES ($1, $2, 'invoice_order', $3, 'failed', 1, $4::"ErrorKind", $5, $6::jsonb, $7, now(), now(), now())`,
    [`job-${subject}`, storeId, subject, error.kind, error.code, JSON.stringify(error.params), error.message],
  );
}

const invalidNif = (nif: string) => ({
  kind: "refused",
  code: "invalid_nif",
  params: { nif },
  message: `The NIF "${nif}" given by the customer is not a valid Portuguese NIF (9 digits with a check digit).`,
});

for (const words of [portuguese, english]) {
  test(`grouped retry of one cause retries only that cause, and the rows turn done by themselves (${words.jobs})`, async ({
    page,
    freshUser,
    storeId,
    sql,
  }) => {
    // Several pages, a retry and a wait for the list to refresh itself: the slow budget.
    test.slow();
    const run = randomBytes(3).toString("hex");
    const lima = await storeId("papelaria-lima");
    const verde = await storeId("casa-verde");
    const subjects = { nifA: `g${run}a`, nifB: `g${run}b`, vendus: `g${run}c`, rate: `g${run}d`, hidden: `g${run}e` };
    await seedFailure(sql, lima, subjects.nifA, invalidNif("123456780"));
    await seedFailure(sql, lima, subjects.nifB, invalidNif("111111111"));
    await seedFailure(sql, lima, subjects.vendus, {
      kind: "transient",
      code: "vendus_unavailable",
      params: { detail: "Vendus answered HTTP 503 to POST documents/", status: 503 },
      message: "Vendus answered HTTP 503 to POST documents/",
    });
    await seedFailure(sql, lima, subjects.rate, {
      kind: "refused",
      code: "unknown_vat_rate",
      params: { rate: 21, region: "PT" },
      message: "The order charges VAT at 21 %, which is not a rate of Portugal (23 / 13 / 6 / 0 %).",
    });
    // The same cause in a store this user does not see: never retried by them.
    await seedFailure(sql, verde, subjects.hidden, invalidNif("222222222"));
    const status = async (subject: string) =>
      (await sql.query<{ status: string }>(`SELECT status FROM "Job" WHERE subject = $1`, [subject])).rows[0]?.status;

    try {
      const user = await freshUser({ role: "accountant", storeCodes: ["papelaria-lima"] });
      await signIn(page, user);
      if (words.switchTo) await page.getByRole("button", { name: words.switchTo, exact: true }).click();
      await page.getByRole("link", { name: words.jobs, exact: true }).click();

      const groups = page.getByRole("list", { name: words.groupsTitle });
      await expect(page.getByText(words.summary)).toBeVisible();
      const nifGroup = groups.getByRole("listitem", { name: words.invalidNif });
      await expect(nifGroup).toContainText("2");

      // A store-level cause links to the setting that fixes it, once the page is on one store.
      await page.goto(`/jobs?store=${lima}`);
      const rateGroup = groups.getByRole("listitem", { name: words.unknownRate });
      await expect(rateGroup.getByRole("link", { name: words.openSetting })).toHaveAttribute(
        "href",
        `/stores/${lima}#defaultVatRate`,
      );

      // Each row says its cause in the reader's language, with the original text one click away.
      const rowA = page.getByRole("row").filter({ hasText: subjects.nifA });
      await expect(rowA).toContainText(words.invalidNifMessage("123456780"));
      const original = rowA.getByText('The NIF "123456780" given by the customer', { exact: false });
      await expect(original).toBeHidden();
      await rowA.getByText(words.detail).click();
      await expect(original).toBeVisible();

      // The page stays the same document from here on: no reload.
      await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
      await nifGroup.getByRole("button", { name: words.retryGroup(2, words.invalidNif) }).click();
      await expect(page.getByRole("status").filter({ hasText: words.sentAgain })).toBeVisible();

      const rowB = page.getByRole("row").filter({ hasText: subjects.nifB });
      await expect(rowA).toContainText(words.queued);
      await expect(rowB).toContainText(words.queued);
      expect(await status(subjects.vendus)).toBe("failed");
      expect(await status(subjects.rate)).toBe("failed");
      expect(await status(subjects.hidden)).toBe("failed");
      await expect(page.getByRole("row").filter({ hasText: subjects.vendus })).toContainText(words.failed);

      // The worker finishes one: the list shows it done without anyone reloading the page.
      await sql.query(
        `UPDATE "Job" SET status = 'succeeded', "finishedAt" = now(), "updatedAt" = now() WHERE subject = $1`,
        [subjects.nifA],
      );
      await expect(rowA).toContainText(words.succeeded);
      await expect(rowB).toContainText(words.queued);
      expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
      await page.screenshot({ path: `test-results/screenshots/failure-groups-${words.jobs}.png`, fullPage: true });
    } finally {
      await sql.query(`DELETE FROM "Job" WHERE subject = ANY($1::text[])`, [Object.values(subjects)]);
    }
  });
}
