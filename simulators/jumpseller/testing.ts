// Test helper: a tiny HTTP endpoint that records hook deliveries (raw bytes and headers) and answers with
// scripted statuses, so a test can await a delivery instead of sleeping.
import { createServer, type IncomingHttpHeaders } from "node:http";
import { closeServer, listen } from "../shared/http";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The status this request was answered with. */
  status: number;
}

export async function startWebhookReceiver(opts: { statuses?: number[]; defaultStatus?: number } = {}) {
  const received: ReceivedRequest[] = [];
  const statuses = [...(opts.statuses ?? [])];
  const waiters: { count: number; resolve: (r: ReceivedRequest[]) => void }[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const status = statuses.shift() ?? opts.defaultStatus ?? 200;
      received.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
        status,
      });
      res.writeHead(status, { "Content-Type": "application/json" }).end("{}");
      for (const waiter of [...waiters]) {
        if (received.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve([...received]);
        }
      }
    });
  });
  const port = await listen(server, 0, "127.0.0.1");

  return {
    url: `http://127.0.0.1:${port}/hooks/jumpseller`,
    received,
    /** Resolves once `count` requests have arrived in total. */
    waitFor(count: number): Promise<ReceivedRequest[]> {
      if (received.length >= count) return Promise.resolve([...received]);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => closeServer(server),
  };
}
