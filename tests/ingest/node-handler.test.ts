// Webhook deliveries as Ponte's own server answers them (lib/ingest/node-handler.ts, used by scripts/start.ts),
// over real HTTP against the real database: the same answers as the Next route, Ponte's security headers,
// the body limit without reading on, a sender that goes away, and the follow-up handed over after the answer.
import {
  createServer,
  request,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createIngestDeps, isWebhookDelivery, maxWebhookBodyBytes, serveWebhook, type IngestDeps } from "@/lib/ingest";
import { dispatchJobs, type JobEvent } from "@/lib/jobs/dispatch";
import { signWebhookBody } from "@/lib/jumpseller/webhook-signature";
import { staticSecurityHeaders } from "@/lib/security-headers";
import { connectHookStore } from "./support";
import { createTestDatabase, type TestDatabase } from "../db";

const hooksToken = "node-handler-hooks-token";
const code = "loja-node";

function paidOrder(id: number) {
  return JSON.stringify({ order: { id, status_enum: "paid", status: "Pago", total: 24.6, currency: "EUR" } });
}

function signed(body: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": "application/json",
    "jumpseller-store-code": code,
    "jumpseller-event": "order_paid",
    "jumpseller-hmac-sha256": signWebhookBody(body, hooksToken),
    ...extra,
  };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function read(res: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let body = "";
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => (body += chunk));
    res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    res.on("error", reject);
  });
}

/** One request to the server on `port`; `send` writes (or ends) its body; resolves with the answer. */
function exchange(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string> },
  send: (req: ClientRequest) => void,
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      { port, host: "127.0.0.1", method: "POST", path: "/api/webhooks/jumpseller", agent: false, ...options },
      (res) => read(res).then(resolve, reject),
    );
    // A refused body: the server may close while the rest is being written, and its answer is what counts.
    req.on("error", (error) => (req.writableEnded ? reject(error) : undefined));
    send(req);
  });
}

describe("webhook deliveries on node:http", () => {
  let t: TestDatabase;
  let deps: IngestDeps;
  let server: Server;
  let port: number;
  let timing = false;
  const sent: JobEvent[][] = [];
  const followUps: (() => Promise<void>)[] = [];

  const post = (body: string, headers: Record<string, string>, path = "/api/webhooks/jumpseller") =>
    exchange(port, { path, headers }, (req) => req.end(body));

  const jobs = () => t.db.job.count();

  beforeAll(async () => {
    t = await createTestDatabase();
    await connectHookStore(t.db, { code, name: "Loja Node", hooksToken });
    deps = createIngestDeps(t.db, {
      dispatch: (jobIds) =>
        dispatchJobs(t.db, jobIds, async (events) => {
          sent.push(events);
        }),
    });
    server = createServer((req, res) => {
      if (!isWebhookDelivery(req)) return void res.writeHead(404).end("not the webhook route");
      void serveWebhook(deps, req, res, { remoteAddr: "10.0.0.9", timing, afterAnswer: (f) => followUps.push(f) });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t?.drop();
  });

  beforeEach(() => {
    timing = false;
    sent.length = 0;
    followUps.length = 0;
  });

  it("stores a signed paid order, answers 200 with Ponte's headers, and hands over the dispatch after the answer", async () => {
    const body = paidOrder(5001);
    const answer = await post(body, signed(body));
    expect(answer.status).toBe(200);
    const parsed = JSON.parse(answer.body) as { ok: boolean; duplicate: boolean; jobId: string };
    expect(parsed).toMatchObject({ ok: true, duplicate: false });
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["cache-control"]).toBe("no-store, no-transform");
    for (const { key, value } of staticSecurityHeaders) expect(answer.headers[key.toLowerCase()]).toBe(value);
    expect(answer.headers["server-timing"]).toBeUndefined();

    // Nothing is sent to Inngest until the follow-up runs, after the answer.
    expect(sent).toEqual([]);
    expect(followUps).toHaveLength(1);
    await followUps[0]!();
    expect(sent.flat().map((event) => event.data.jobId)).toEqual([parsed.jobId]);

    const again = await post(body, signed(body));
    expect(JSON.parse(again.body)).toMatchObject({ ok: true, duplicate: true, jobId: parsed.jobId });
  });

  it("refuses a bad signature with the ingest's answer and records the refusal, with the sender's address", async () => {
    const body = paidOrder(5002);
    const before = await jobs();
    const answer = await post(body, signed(body, { "jumpseller-hmac-sha256": signWebhookBody(body, "wrong") }));
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: "signature mismatch" });
    expect(await jobs()).toBe(before);
    await Promise.all(followUps.map((f) => f()));
    const refusal = await t.db.rejectedDelivery.findFirst({ orderBy: { receivedAt: "desc" } });
    expect(refusal).toMatchObject({ status: 401, storeCode: code, remoteAddr: "10.0.0.9" });
  });

  it("refuses a body declared larger than 1 MB without reading it, and closes the connection", async () => {
    const before = await jobs();
    const headers = { ...signed("{}"), "content-length": String(maxWebhookBodyBytes + 1) };
    // The rest of the body never comes: the answer must not wait for it.
    const answer = await exchange(port, { headers }, (req) => req.write("{"));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "body larger than 1 MB" });
    expect(answer.headers.connection).toBe("close");
    expect(await jobs()).toBe(before);
  });

  it("refuses a chunked body once more than 1 MB has arrived", async () => {
    const before = await jobs();
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const answer = await exchange(port, { headers: signed("{}") }, (req) => {
      for (let i = 0; i < 5; i++) req.write(chunk);
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expect(await jobs()).toBe(before);
  });

  it("stores nothing for a sender that goes away mid-body, and answers the next delivery", async () => {
    const before = await jobs();
    await new Promise<void>((resolve) => {
      const req = request({
        port,
        host: "127.0.0.1",
        method: "POST",
        path: "/api/webhooks/jumpseller",
        agent: false,
        headers: { ...signed("{}"), "content-length": "500" },
      });
      req.on("error", () => resolve());
      // Gone once the server has the request and the start of its body.
      server.once("request", () => req.destroy());
      req.write('{"order":');
    });
    expect(await jobs()).toBe(before);
    const body = paidOrder(5003);
    expect((await post(body, signed(body))).status).toBe(200);
    expect(await jobs()).toBe(before + 1);
  });

  it("answers a query string on the route, and the handler's phases in Server-Timing when timing is on", async () => {
    timing = true;
    const body = paidOrder(5004);
    const answer = await post(body, signed(body), "/api/webhooks/jumpseller?source=jumpseller");
    expect(answer.status).toBe(200);
    const phases = String(answer.headers["server-timing"])
      .split(", ")
      .map((phase) => phase.split(";")[0]);
    expect(phases).toEqual(["read", "lookup", "verify", "parse", "store", "handler"]);
  });

  it("leaves every other request to Next: other methods, other paths", async () => {
    const body = paidOrder(5005);
    expect((await post(body, signed(body), "/api/webhooks/jumpseller/")).status).toBe(404);
    expect((await post(body, signed(body), "/api/webhooks/jumpsellers")).status).toBe(404);
    const got = await exchange(port, { method: "GET" }, (req) => req.end());
    expect(got.status).toBe(404);
  });

  it("answers 500, not a hung connection, when the ingest fails unexpectedly", async () => {
    // A store record that breaks while its delivery is checked: a bug, not the database being away (a 503).
    const brokenStore = {
      get hooksToken(): string {
        throw new Error("broken store record");
      },
    };
    const broken = { ...deps, stores: { lookup: async () => brokenStore } } as unknown as IngestDeps;
    const failing = createServer(
      (req, res) => void serveWebhook(broken, req, res, { remoteAddr: null, afterAnswer: () => undefined }),
    );
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const body = paidOrder(5006);
      const failingPort = (failing.address() as AddressInfo).port;
      const answer = await exchange(failingPort, { headers: signed(body) }, (req) => req.end(body));
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ error: "internal error" });
      expect(errors).toHaveLength(1);
    } finally {
      console.error = log;
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
