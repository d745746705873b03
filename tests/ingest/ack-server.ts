// The webhook ingest served over HTTP in a process of its own, for the acknowledgement-latency test (the
// load generator runs in the test's process, as Jumpseller's senders would be elsewhere).
// Reads DATABASE_URL; prints "listening <port>" once ready.
import type { AddressInfo } from "node:net";
import { createDb } from "@/lib/db";
import { createIngestDeps } from "@/lib/ingest";
import { createWebhookServer } from "../support/webhook-server";

const db = createDb(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 10));
const server = createWebhookServer(createIngestDeps(db, { dispatch: async () => undefined }));
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => {
  server.close();
  void db.$disconnect().then(() => process.exit(0));
});
