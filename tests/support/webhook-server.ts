// Ponte's webhook endpoint on plain node:http, for tests that post to it over the network: the handler Ponte's
// own server answers deliveries with (lib/ingest/node-handler.ts), on any path.
import { createServer, type Server } from "node:http";
import { serveWebhook, type IngestDeps } from "@/lib/ingest";

export interface WebhookServerOptions {
  /** The peer address the ingest is told (the server reads it from the socket or a trusted proxy). */
  remoteAddr?: string;
  /** Receives the delivery's follow-up (sending its job), once the answer is written. */
  afterAnswer?: (followUp: () => Promise<void>) => void;
}

export function createWebhookServer(deps: IngestDeps, options: WebhookServerOptions = {}): Server {
  return createServer((req, res) => {
    void serveWebhook(deps, req, res, {
      remoteAddr: options.remoteAddr ?? null,
      afterAnswer: options.afterAnswer ?? (() => undefined),
    });
  });
}
