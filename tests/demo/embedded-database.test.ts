// The demo's embedded database under the load of the demo itself: 50 signed webhooks at once, each stored
// with its job and dispatched, while another client seeds demo data through its own connections. Every
// delivery is stored and none gets a 5xx; connections take turns instead of interleaving their messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { seedDemoData } from "../../scripts/demo/seed";
import { createIngestDeps, ingestWebhook } from "@/lib/ingest";
import { dispatchJobs } from "@/lib/jobs/dispatch";
import { signWebhookBody } from "@/lib/jumpseller/webhook-signature";
import { connectStore } from "@/lib/stores";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/demo/embedded-database";

const hooksToken = "demo-hooks-token-0123456789";
let database: EmbeddedDatabase;
let app: Db;
let script: Db;

beforeAll(async () => {
  database = await startEmbeddedDatabase();
  // As in the demo: the web server's pool and the demo script's own client, both on the served database.
  app = createDb(database.url, 8);
  script = createDb(database.url, 4);
  await connectStore(script, {
    code: "ponte-demo",
    vendusApiKey: "sim-vendus-key",
    hooksToken,
    jumpseller: { kind: "private", login: "ponte-demo", authtoken: "a".repeat(32) },
    settings: { name: "Loja Online Demo", enabled: true, vendusRegisterId: 101, vendusPaymentMethodId: 304 },
  });
});

afterAll(async () => {
  await Promise.all([app?.$disconnect(), script?.$disconnect()]);
  await database?.close();
});

function delivery(orderId: number) {
  const body = JSON.stringify({
    order: {
      id: orderId,
      status_enum: "paid",
      status: "Pago",
      total: 12.5,
      currency: "EUR",
      created_at: "2026-11-28 10:00:00 UTC",
      products: [],
    },
  });
  const headers = new Headers({
    "Content-Type": "application/json",
    "Jumpseller-Store-Code": "ponte-demo",
    "Jumpseller-Event": "order_paid",
    "Jumpseller-Hmac-Sha256": signWebhookBody(body, hooksToken),
  });
  return { headers, body: new TextEncoder().encode(body), remoteAddr: "127.0.0.1" };
}

describe("the demo's embedded database", () => {
  it("stores 50 concurrent signed webhooks, with no 5xx, while the demo script writes too", async () => {
    const sent: string[] = [];
    const deps = createIngestDeps(app, {
      dispatch: (jobIds) =>
        dispatchJobs(app, jobIds, async (events) => {
          sent.push(...events.map((e) => e.data.jobId));
        }),
    });
    const deliveries = Array.from({ length: 50 }, (_, i) => delivery(5000 + i));
    const [results] = await Promise.all([
      Promise.all(
        deliveries.map(async (request) => {
          const result = await ingestWebhook(deps, request);
          await result.followUp?.();
          return result;
        }),
      ),
      seedDemoData(script),
    ]);

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses).toEqual(Array(50).fill(200));
    expect(await app.webhookDelivery.count({ where: { store: { code: "ponte-demo" } } })).toBe(50);
    expect(await app.job.count({ where: { store: { code: "ponte-demo" }, status: "queued" } })).toBe(50);
    expect(new Set(sent).size).toBe(50);
    // The seed, done meanwhile on its own connections, is complete too.
    expect(await script.store.count()).toBe(4);
  });

  it("keeps a transaction to its own connection: another connection never runs inside it", async () => {
    const [, outside] = await Promise.all([
      app
        .$transaction(async (tx) => {
          await tx.store.update({ where: { code: "ponte-demo" }, data: { name: "Inside a transaction" } });
          await new Promise((resolve) => setImmediate(resolve));
          throw new Error("rolled back");
        })
        .catch(() => undefined),
      script.store.findUniqueOrThrow({ where: { code: "ponte-demo" }, select: { name: true } }),
    ]);
    expect(outside.name).toBe("Loja Online Demo");
    expect((await app.store.findUniqueOrThrow({ where: { code: "ponte-demo" } })).name).toBe("Loja Online Demo");
  });
});
