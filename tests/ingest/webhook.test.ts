// The webhook ingest against the real database: refusals leave no job, duplicates are recognised, the
// database being down is a 503, and Inngest being down leaves the job waiting for the dispatcher.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import {
  createIngestDeps,
  createRejectionLog,
  createStoreDirectory,
  ingestWebhook,
  maxWebhookBodyBytes,
  readBodyWithLimit,
  type IngestDeps,
} from "@/lib/ingest";
import { dispatchWaitingJobs, type JobEvent } from "@/lib/jobs/dispatch";
import { signWebhookBody } from "@/lib/jumpseller/webhook-signature";
import { connectHookStore } from "./support";
import { createTestDatabase, type TestDatabase } from "../db";

const hooksToken = "hooks-token-0123456789";
const code = "loja-teste";

function orderBody(id: number, status = "paid") {
  return JSON.stringify({
    order: {
      id,
      status_enum: status,
      status: "Pago",
      total: 24.6,
      currency: "EUR",
      created_at: "2026-11-28 10:00:00 UTC",
    },
  });
}

function headers(body: string, event = "order_paid", extra: Record<string, string> = {}) {
  return new Headers({
    "Content-Type": "application/json",
    "Jumpseller-Store-Code": code,
    "Jumpseller-Event": event,
    "Jumpseller-Hmac-Sha256": signWebhookBody(body, hooksToken),
    ...extra,
  });
}

describe("webhook ingest", () => {
  let t: TestDatabase;
  let deps: IngestDeps;
  const sent: JobEvent[][] = [];
  let inngestUp = true;

  const deliver = (body: string, h = headers(body)) =>
    ingestWebhook(deps, { headers: h, body: new TextEncoder().encode(body), remoteAddr: "10.0.0.1" });
  const run = async (body: string, h = headers(body)) => {
    const result = await deliver(body, h);
    await result.followUp?.();
    return result;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await connectHookStore(t.db, { code, name: "Loja", hooksToken });
    deps = createIngestDeps(t.db, {
      clientSecret: "app-client-secret",
      dispatch: async (jobIds) => {
        const { dispatchJobs } = await import("@/lib/jobs/dispatch");
        return dispatchJobs(t.db, jobIds, async (events) => {
          if (!inngestUp) throw new Error("connect ECONNREFUSED 127.0.0.1:8288");
          sent.push(events);
        });
      },
    });
  });
  afterAll(async () => t?.drop());
  beforeEach(() => {
    inngestUp = true;
  });

  it("stores a paid order with its job and sends the job with event id <jobId>:0", async () => {
    const result = await run(orderBody(1001));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, duplicate: false });
    const job = await t.db.job.findFirstOrThrow({ where: { subject: "1001" } });
    expect(job).toMatchObject({ kind: "invoice_order", status: "queued", inngestEventId: `${job.id}:0` });
    expect(sent.flat().find((e) => e.data.jobId === job.id)).toMatchObject({
      name: "jumpseller/order.paid",
      id: `${job.id}:0`,
    });
    const delivery = await t.db.webhookDelivery.findFirstOrThrow({ where: { resourceId: "1001" } });
    expect(delivery).toMatchObject({ event: "order_paid", state: "paid", matchedKey: "hooks_token", jobId: job.id });
    const order = await t.db.order.findFirstOrThrow({ where: { jumpsellerId: 1001 } });
    expect(order).toMatchObject({ status: "paid", invoiceState: "pending", totalCents: 2460 });
  });

  it("recognises 10 concurrent copies of one delivery, and order_updated (paid) as the same payment", async () => {
    const body = orderBody(1002);
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(body)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    const updated = await deliver(body, headers(body, "order_updated"));
    expect(updated.body).toMatchObject({ duplicate: true });
    expect(await t.db.job.count({ where: { subject: "1002" } })).toBe(1);
    const deliveries = await t.db.webhookDelivery.findMany({ where: { resourceId: "1002" } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.duplicates).toBe(10);
  });

  it("accepts the app's client secret as the signing key, and says so", async () => {
    const body = orderBody(1003);
    const result = await run(
      body,
      headers(body, "order_paid", { "Jumpseller-Hmac-Sha256": signWebhookBody(body, "app-client-secret") }),
    );
    expect(result.status).toBe(200);
    expect(await t.db.webhookDelivery.findFirstOrThrow({ where: { resourceId: "1003" } })).toMatchObject({
      matchedKey: "client_secret",
    });
  });

  it("acknowledges other order events without a job", async () => {
    const body = orderBody(1004, "pending_payment");
    const result = await run(body, headers(body, "order_updated"));
    expect(result).toMatchObject({ status: 200, body: { ignored: "order_updated" } });
    expect(await t.db.job.count({ where: { subject: "1004" } })).toBe(0);
  });

  it("stores a signed order whose text has a NUL or a lone surrogate (jsonb and text refuse them as such)", async () => {
    const body = JSON.stringify({
      order: {
        id: 1005,
        status_enum: "paid",
        total: 10,
        customer: { fullname: "Ana\u0000 Silva", email: "ana@example.pt" },
        note: "x\ud800y \\u0000 stays text",
      },
    });
    const result = await run(body);
    expect(result).toMatchObject({ status: 200, body: { ok: true, duplicate: false } });
    const order = await t.db.order.findFirstOrThrow({ where: { jumpsellerId: 1005 } });
    expect(order.customerName).toBe("Ana Silva");
    const delivery = await t.db.webhookDelivery.findFirstOrThrow({ where: { resourceId: "1005" } });
    const stored = (delivery.body as { order: { customer: { fullname: string }; note: string } }).order;
    expect(stored.customer.fullname).toBe("Ana\ufffd Silva");
    expect(stored.note).toBe("x\ufffdy \\u0000 stays text");
  });

  it("refuses with a 400, not a failure, an order id beyond 32 bits, an impossible total, and JSON nested too deeply", async () => {
    const huge = '{"order":{"id":2147483648,"status_enum":"paid"}}';
    expect(await run(huge)).toMatchObject({
      status: 400,
      body: { error: "payload has no valid order (id, status_enum)" },
    });
    const total = '{"order":{"id":1006,"status_enum":"paid","total":1e308}}';
    expect(await run(total)).toMatchObject({ status: 200 });
    expect((await t.db.order.findFirstOrThrow({ where: { jumpsellerId: 1006 } })).totalCents).toBe(0);
    const deep = `{"order":{"id":1007,"status_enum":"paid","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    expect(await run(deep)).toMatchObject({ status: 400, body: { error: "JSON nested too deeply" } });
    const brackets = JSON.stringify({ order: { id: 1008, status_enum: "paid", note: "[".repeat(500) } });
    expect(await run(brackets)).toMatchObject({ status: 200 });
  });

  describe("refusals: a 4xx with a reason, no job, only a rejection record", () => {
    const body = orderBody(2001);
    const cases: [string, () => Promise<{ status: number; body: Record<string, unknown> }>, number][] = [
      [
        "bad signature",
        () => run(body, headers(body, "order_paid", { "Jumpseller-Hmac-Sha256": signWebhookBody(body, "wrong") })),
        401,
      ],
      [
        "missing signature",
        () =>
          run(
            body,
            new Headers({
              "Content-Type": "application/json",
              "Jumpseller-Store-Code": code,
              "Jumpseller-Event": "order_paid",
            }),
          ),
        401,
      ],
      [
        "unknown store",
        () => run(body, headers(body, "order_paid", { "Jumpseller-Store-Code": "no-such-store" })),
        401,
      ],
      ["malformed JSON", () => run("{not json", headers("{not json")), 400],
      ["wrong content type", () => run(body, headers(body, "order_paid", { "Content-Type": "text/plain" })), 415],
      ["unknown event", () => run(body, headers(body, "order_exploded")), 400],
      ["an order without id", () => run('{"order":{}}', headers('{"order":{}}')), 400],
    ];
    for (const [name, send, status] of cases) {
      it(name, async () => {
        const before = await t.db.rejectedDelivery.count();
        const result = await send();
        expect(result.status).toBe(status);
        expect(typeof result.body.error).toBe("string");
        expect(await t.db.rejectedDelivery.count()).toBe(before + 1);
      });
    }

    it("answers an unknown store code exactly like a bad signature, so codes cannot be probed", async () => {
      const signed = headers(body, "order_paid", { "Jumpseller-Hmac-Sha256": signWebhookBody(body, "wrong") });
      const unknown = headers(body, "order_paid", { "Jumpseller-Store-Code": "no-such-store" });
      const unsigned = new Headers({ "Content-Type": "application/json", "Jumpseller-Event": "order_paid" });
      const badSignature = await deliver(body, signed);
      const unknownStore = await deliver(body, unknown);
      expect({ status: unknownStore.status, body: unknownStore.body }).toEqual({
        status: badSignature.status,
        body: badSignature.body,
      });
      unsigned.set("Jumpseller-Store-Code", code);
      const missingHere = await deliver(body, unsigned);
      unsigned.set("Jumpseller-Store-Code", "no-such-store");
      const missingThere = await deliver(body, unsigned);
      expect({ status: missingThere.status, body: missingThere.body }).toEqual({
        status: missingHere.status,
        body: missingHere.body,
      });
    });

    it("a 2 MB body is refused at the limit (413)", async () => {
      const big = "x".repeat(2 * 1024 * 1024);
      const request = new Request("http://ponte.test/api/webhooks/jumpseller", {
        method: "POST",
        body: big,
        headers: headers(big),
      });
      const raw = await readBodyWithLimit(request, maxWebhookBodyBytes);
      expect(raw).toBe("too_large");
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 32; i++) controller.enqueue(new Uint8Array(64 * 1024));
          controller.close();
        },
      });
      expect(await readBodyWithLimit({ headers: new Headers(), body: stream }, maxWebhookBodyBytes)).toBe("too_large");
      const refused = await ingestWebhook(deps, { headers: headers(big), body: "too_large" });
      expect(refused.status).toBe(413);
    });

    it("left nothing but rejection records", async () => {
      expect(await t.db.job.count({ where: { subject: "2001" } })).toBe(0);
      expect(await t.db.webhookDelivery.count({ where: { resourceId: "2001" } })).toBe(0);
      expect(await t.db.order.count({ where: { jumpsellerId: 2001 } })).toBe(0);
    });

    it("keeps the rejection record bounded per source", async () => {
      const log = createRejectionLog(t.db, { perMinute: 3 });
      const before = await t.db.rejectedDelivery.count();
      for (let i = 0; i < 10; i++) {
        await log.record({
          status: 401,
          reason: "signature mismatch",
          storeCode: "flood",
          storeId: null,
          event: null,
          bodyBytes: 1,
          remoteAddr: null,
        });
      }
      expect(await t.db.rejectedDelivery.count()).toBe(before + 3);
      const pruning = createRejectionLog(t.db, { keep: 5, pruneEvery: 1 });
      await pruning.record({
        status: 401,
        reason: "x",
        storeCode: "other",
        storeId: null,
        event: null,
        bodyBytes: 1,
        remoteAddr: null,
      });
      expect(await t.db.rejectedDelivery.count()).toBe(5);
    });

    it("keeps the rejection record bounded overall, whatever codes and addresses the sender makes up", async () => {
      await t.db.rejectedDelivery.deleteMany();
      let clock = Date.parse("2026-11-28T10:00:00Z");
      const log = createRejectionLog(t.db, { now: () => clock });
      const flood = (n: number, tag: string) =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            log.record({
              status: 401,
              reason: "signature mismatch",
              storeCode: `made-up-${tag}-${i}`,
              storeId: null,
              event: null,
              bodyBytes: 1,
              remoteAddr: `10.${i >> 8}.${i & 255}.1`,
            }),
          ),
        );
      await flood(1000, "a");
      const firstMinute = await t.db.rejectedDelivery.count();
      expect(firstMinute).toBeGreaterThan(0);
      expect(firstMinute).toBeLessThanOrEqual(60);
      clock += 61_000;
      await flood(1000, "b");
      const rows = await t.db.rejectedDelivery.findMany({ orderBy: { receivedAt: "asc" } });
      expect(rows.length).toBeLessThanOrEqual(2 * 60 + 1);
      // What was not written is still counted, in one line for the minute.
      expect(rows.map((r) => r.reason)).toContain(
        `${1000 - firstMinute} more refused deliveries in that minute were not recorded`,
      );
    });
  });

  it("answers 503 when the database is down, so Jumpseller retries", async () => {
    const down = createDb("postgresql://postgres@127.0.0.1:1/nowhere", 1);
    const result = await ingestWebhook(
      { ...deps, db: down, stores: createStoreDirectory(down) },
      { headers: headers(orderBody(3001)), body: new TextEncoder().encode(orderBody(3001)) },
    );
    expect(result.status).toBe(503);
    await down.$disconnect();
  });

  it("keeps the job waiting_dispatch while Inngest is down, then the dispatcher sends it", async () => {
    inngestUp = false;
    const result = await run(orderBody(4001));
    expect(result.status).toBe(200);
    const job = await t.db.job.findFirstOrThrow({ where: { subject: "4001" } });
    expect(job.status).toBe("waiting_dispatch");

    inngestUp = true;
    const sweep = await dispatchWaitingJobs(t.db, async (events) => void sent.push(events));
    expect(sweep.sent).toContain(job.id);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "queued",
      inngestEventId: `${job.id}:0`,
    });
  });
});
