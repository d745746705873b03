// Ponte's webhook endpoint on plain node:http, for tests that post to it over the network: the body is read
// with the route's size limit and ingested as app/api/webhooks/jumpseller/route.ts does.
import { createServer, type Server } from "node:http";
import { Readable } from "node:stream";
import { ingestWebhook, maxWebhookBodyBytes, readBodyWithLimit, type IngestDeps } from "@/lib/ingest";

export interface WebhookServerOptions {
  /** The peer address the ingest is told (the route reads it from the socket or a trusted proxy). */
  remoteAddr?: string;
  /** Receives the delivery's follow-up (sending its job), once the answer is written. */
  afterAnswer?: (followUp: () => Promise<void>) => void;
}

export function createWebhookServer(deps: IngestDeps, options: WebhookServerOptions = {}): Server {
  return createServer((req, res) => {
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
      const result = await ingestWebhook(deps, { headers: request.headers, body, remoteAddr: options.remoteAddr });
      res.writeHead(result.status, { "Content-Type": "application/json" }).end(JSON.stringify(result.body));
      if (result.followUp) options.afterAnswer?.(result.followUp);
    })();
  });
}
