// The webhook ingest served over HTTP in a process of its own, for the acknowledgement-latency test (the
// load generator runs in the test's process, as Jumpseller's senders would be elsewhere).
// Reads DATABASE_URL; prints "listening <port>" once ready.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { createDb } from "@/lib/db";
import {
  createRejectionLog,
  createStoreDirectory,
  ingestWebhook,
  maxWebhookBodyBytes,
  readBodyWithLimit,
  type IngestDeps,
} from "@/lib/ingest";

const db = createDb(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 10));
const deps: IngestDeps = {
  db,
  stores: createStoreDirectory(db),
  rejections: createRejectionLog(db),
  dispatch: async () => undefined,
};

const server = createServer((req, res) => {
  void (async () => {
    const request = new Request("http://ponte.test/api/webhooks/jumpseller", {
      method: "POST",
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        typeof v === "string" ? [[k, v] as [string, string]] : [],
      ),
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    const body = await readBodyWithLimit(request, maxWebhookBodyBytes);
    const result = await ingestWebhook(deps, { headers: request.headers, body });
    res.writeHead(result.status, { "Content-Type": "application/json" }).end(JSON.stringify(result.body));
  })();
});
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => {
  server.close();
  void db.$disconnect().then(() => process.exit(0));
});
