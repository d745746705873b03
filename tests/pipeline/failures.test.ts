// Failures that need a person (a refused NIF: failed at once, e-mailed, retried after the fix), and the
// safety nets for failures that need none (Inngest down at dispatch, a webhook lost on the way).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/access";
import { jobSearchSchema, listJobs } from "@/lib/data/jobs";
import { inngest } from "@/lib/inngest/client";
import { describeJobError } from "@/lib/jobs/error-messages";
import { jobErrorTranslator } from "@/lib/jobs/error-translator";
import en from "@/messages/en.json";
import pt from "@/messages/pt-PT.json";
import { hourWindow } from "@/lib/email/notify-failure";
import { runCli } from "@/scripts/ponte";
import { paidOrderWithLostWebhooks, placePaidOrder, startHarness, vendusDocumentsFor, type Harness } from "./harness";

const everyMinuteOnly = new Date("2026-01-01T10:01:00Z");
const quarterHour = new Date("2026-01-01T10:15:00Z");

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, (line) => lines.push(line));
  return { code, output: lines.join("\n") };
}

describe("failures and safety nets", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it("fails an order with an invalid NIF at once, e-mails the cause, and invoices it once fixed and retried", async () => {
    const order = placePaidOrder(h, { nif: "123456780" });
    await h.settle();

    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job).toMatchObject({
      status: "failed",
      lastErrorKind: "refused",
      lastErrorCode: "invalid_nif",
      attempts: 1,
    });
    expect(job.lastErrorMessage).toContain('"123456780"');
    // Stored as a code with its values: the jobs page says it in the reader's language, the text is the detail.
    expect(job.lastErrorParams).toEqual({ nif: "123456780" });
    const admin: SessionUser = {
      id: "admin",
      email: "a@x.pt",
      name: "A",
      role: "admin",
      allStores: true,
      locale: "pt-PT",
    };
    const page = await listJobs(admin, jobSearchSchema.parse({ status: "failed", store: h.storeId }));
    const row = page.rows.find((r) => r.id === job.id)!;
    const stored = { code: row.lastErrorCode, params: row.lastErrorParams, message: row.lastErrorMessage };
    expect(describeJobError(stored, jobErrorTranslator(pt, "pt-PT"))).toMatchObject({
      label: "NIF inválido",
      message:
        "O NIF “123456780” indicado pelo cliente não é um NIF português válido (9 dígitos com dígito de controlo).",
    });
    expect(describeJobError(stored, jobErrorTranslator(en, "en"))).toMatchObject({
      label: "Invalid NIF",
      message: "The NIF “123456780” given by the customer is not a valid Portuguese NIF (9 digits with a check digit).",
    });
    // Failed at once: the order was read from Jumpseller a single time, no retry.
    expect(h.control.requests().filter((r) => r.path === `/orders/${order.id}.json`)).toHaveLength(1);
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(0);
    expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } })).toMatchObject({
      invoiceState: "failed",
    });
    const emails = h.resend.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: ["loja@example.com"] });
    expect(emails[0]!.subject).toContain(`#${order.id}`);
    expect(emails[0]!.text).toContain("123456780");
    // The store has no user yet, so the e-mail is in Portuguese, in the dashboard's words with the NIF filled in.
    expect(emails[0]!.text.replace(/\s+/g, " ")).toContain(
      "O NIF “123456780” indicado pelo cliente não é um NIF português válido",
    );
    expect(emails[0]!.headers["idempotency-key"]).toMatch(/^ponte-notification-/);

    const listed = await cli("jobs:list", "--status", "failed", "--store", h.storeCode);
    expect(listed.code).toBe(0);
    expect(listed.output).toContain(job.id);
    expect(listed.output).toContain("refused invalid_nif");

    h.control.updateOrder(order.id, { nif: "123456789" });
    await h.settle();
    // The order_updated delivery for the fix is the same payment: no second job.
    expect(await h.db.job.count({ where: { subject: String(order.id) } })).toBe(1);

    const retried = await cli("jobs:retry", job.id);
    expect(retried).toMatchObject({ code: 0 });
    expect(retried.output).toContain(`${job.id}:1`);
    await h.settle();

    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "succeeded",
      dispatchCount: 1,
      inngestEventId: `${job.id}:1`,
      lastErrorMessage: null,
    });
    expect(await h.db.auditEvent.findFirst({ where: { action: "job.retried", targetId: job.id } })).toMatchObject({
      details: { via: "cli" },
    });
    expect(await cli("jobs:retry", job.id)).toMatchObject({ code: 1 });
  });

  it("groups a second failure of the store within the hour into the same notification, without another e-mail", async () => {
    const before = h.resend.emails().length;
    const first = await h.db.notification.findFirstOrThrow({ where: { storeId: h.storeId } });
    const order = placePaidOrder(h, { nif: "999999991" });
    await h.settle();
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job).toMatchObject({ status: "failed" });
    // (Were the clock to pass the hour between the two failures, a new window and e-mail would be right.)
    if (hourWindow(job.finishedAt!).getTime() === first.window.getTime()) {
      expect(h.resend.emails()).toHaveLength(before);
      const grouped = await h.db.notification.findUniqueOrThrow({ where: { id: first.id } });
      expect(grouped.jobIds).toEqual([...first.jobIds, job.id]);
    }
  });

  it("keeps a job waiting_dispatch while Inngest is unreachable; dispatch-waiting sends it later", async () => {
    inngest.setEnvVars({ INNGEST_DEV: "http://127.0.0.1:9" });
    const order = placePaidOrder(h);
    await h.settle();
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job.status).toBe("waiting_dispatch");
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(0);

    inngest.setEnvVars({ INNGEST_DEV: h.standIn.url });
    expect(h.standIn.tick(everyMinuteOnly).map((r) => r.functionId)).toEqual([
      "ponte-dispatch-waiting",
      "ponte-watch-outages",
    ]);
    await h.settle();
    expect(await h.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "succeeded",
      inngestEventId: `${job.id}:0`,
    });
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
  });

  it("creates the job and the invoice from the reconciler when the webhooks were lost", async () => {
    const order = await paidOrderWithLostWebhooks(h);
    expect(await h.db.job.count({ where: { subject: String(order.id) } })).toBe(0);

    h.standIn.tick(quarterHour);
    await h.settle();
    expect(await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } })).toMatchObject({
      status: "succeeded",
    });
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    // Orders already handled were not given a second job.
    expect(await h.db.job.groupBy({ by: ["subject"], having: { subject: { _count: { gt: 1 } } } })).toEqual([]);
  });

  it("does not invoice orders paid before the store was connected", async () => {
    const order = await paidOrderWithLostWebhooks(h);
    // As if the store had been connected after this payment.
    await h.db.store.update({ where: { id: h.storeId }, data: { createdAt: new Date(Date.now() + 3_600_000) } });
    h.standIn.tick(new Date("2026-01-01T10:30:00Z"));
    await h.settle();
    expect(await h.db.job.count({ where: { subject: String(order.id) } })).toBe(0);
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(0);
  });
});
