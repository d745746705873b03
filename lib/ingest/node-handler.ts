// POST /api/webhooks/jumpseller on plain node:http: what Ponte's own server (npm start, scripts/start.ts) answers
// before Next sees the request. The same ingest and the same answer as the Next route
// (app/api/webhooks/jumpseller/route.ts), without the work Next does around every request (routing, a fetch
// Request with its streams and abort signal, async context): at 100 deliveries a second that work cost the
// server more CPU than checking and storing the deliveries.
import type { IncomingMessage, ServerResponse } from "node:http";
import { staticSecurityHeaders } from "@/lib/security-headers";
import { webhookAnswer } from "./answer";
import { ingestWebhook, maxWebhookBodyBytes, type HeaderReader, type IngestDeps, type IngestTimings } from "./ingest";

const webhookPath = "/api/webhooks/jumpseller";

/** Whether the request is a delivery to the webhook route (a POST to its path, with or without a query). */
export function isWebhookDelivery(req: IncomingMessage): boolean {
  if (req.method !== "POST" || !req.url) return false;
  const query = req.url.indexOf("?");
  return (query === -1 ? req.url : req.url.slice(0, query)) === webhookPath;
}

export interface ServeWebhookOptions {
  /** The sender's address as far as it can be known (lib/client-address.ts), for the refusal log. */
  remoteAddr: string | null;
  /** Fill and send the Server-Timing header of the handler's phases (PONTE_TIMING). */
  timing?: boolean;
  /** Receives the delivery's follow-up (sending its job, or recording a refusal) once the answer is written. */
  afterAnswer(followUp: () => Promise<void>): void;
}

/** Reads, ingests and answers one delivery. Never rejects: an unexpected error is answered 500, as Next would. */
export async function serveWebhook(
  deps: IngestDeps,
  req: IncomingMessage,
  res: ServerResponse,
  options: ServeWebhookOptions,
): Promise<void> {
  const started = performance.now();
  try {
    const body = await readNodeBody(req, maxWebhookBodyBytes);
    const read = performance.now() - started;
    const timings: IngestTimings | undefined = options.timing ? {} : undefined;
    const headers: HeaderReader = { get: (name) => headerValue(req, name) };
    const result = await ingestWebhook(deps, { headers, body, remoteAddr: options.remoteAddr, timings });
    const answer = webhookAnswer(result, timings && { read, ...timings, handler: performance.now() - started });
    // A body left unread (too large) is not read on: the connection closes after the answer.
    if (body === "too_large") answer.headers.connection = "close";
    writeAnswer(res, answer.status, answer.headers, answer.body);
    if (result.followUp) options.afterAnswer(result.followUp);
  } catch (error) {
    // The sender went away before its body arrived: nothing was stored, and there is no one to answer.
    if (error instanceof RequestAbortedError) return void res.destroy();
    console.error("Webhook delivery failed:", error);
    if (!res.headersSent) writeAnswer(res, 500, { "content-type": "application/json" }, '{"error":"internal error"}');
    else res.destroy();
  }
}

function writeAnswer(res: ServerResponse, status: number, headers: Record<string, string>, body: string) {
  // Every answer of Ponte carries these (next.config.ts sets them on the routes Next serves).
  for (const { key, value } of staticSecurityHeaders) res.setHeader(key, value);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("content-length", Buffer.byteLength(body));
  res.writeHead(status);
  res.end(body);
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The request's body, or "too_large" as soon as it is known to exceed `limit` (by its Content-Length, or by
 * what arrived): a huge body costs no more than `limit` bytes of memory.
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<Uint8Array | "too_large"> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve("too_large");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve("too_large");
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = () => {
      cleanup();
      reject(new RequestAbortedError());
    };
    const onClose = () => {
      if (req.complete) return;
      cleanup();
      reject(new RequestAbortedError());
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

class RequestAbortedError extends Error {
  constructor() {
    super("The sender closed the connection before its body arrived");
    this.name = "RequestAbortedError";
  }
}
