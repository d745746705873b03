// The HTTP side the SDK talks to: event intake (`POST /e/:eventKey`, what `inngest.send` and `step.sendEvent`
// post to) and sync (`POST /fn/register`, what the serve handler posts after a PUT), plus read-only views of
// runs and events for a local runner.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { readBody, sendJson } from "../shared/http";
import { eventPayloadSchema } from "./event-log";
import { registerBodySchema } from "./registry";
import type { EventPayload, EventRecord, OutgoingOp, RegisteredFunction, RunRecord } from "./types";

export interface StandInHandlers {
  ingest(payloads: EventPayload[], seed: string | undefined): string[];
  register(body: z.infer<typeof registerBodySchema>, deployId: string | undefined): boolean;
  functions(): RegisteredFunction[];
  runs(): RunRecord[];
  events(): EventRecord[];
  /** Steps checkpointed by the SDK during a request; false for an unknown run. */
  checkpoint(runId: string, ops: OutgoingOp[]): boolean;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, 10_000_000);
  return text ? JSON.parse(text) : undefined;
}

async function route(handlers: StandInHandlers, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://stand-in");
  const path = url.pathname;

  if (req.method === "POST" && /^\/e\/[^/]+$/.test(path)) {
    const parsed = z.array(eventPayloadSchema).safeParse([await readJson(req)].flat());
    if (!parsed.success) return sendJson(res, 400, { error: `Invalid event: ${parsed.error.message}`, status: 400 });
    const seed = req.headers["x-inngest-event-id-seed"];
    const ids = handlers.ingest(parsed.data as EventPayload[], typeof seed === "string" ? seed : undefined);
    return sendJson(res, 200, { ids, status: 200 });
  }

  if (req.method === "POST" && path === "/fn/register") {
    const parsed = registerBodySchema.safeParse(await readJson(req));
    if (!parsed.success) return sendJson(res, 400, { error: `Invalid registration: ${parsed.error.message}` });
    const modified = handlers.register(parsed.data, url.searchParams.get("deployId") ?? undefined);
    return sendJson(res, 200, { ok: true, modified });
  }

  const checkpoint = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(path);
  if (req.method === "POST" && checkpoint) {
    const body = (await readJson(req)) as { steps?: OutgoingOp[] } | undefined;
    const known = handlers.checkpoint(decodeURIComponent(checkpoint[1]!), body?.steps ?? []);
    return known ? sendJson(res, 200, {}) : sendJson(res, 409, { error: "No such running run", status: 409 });
  }

  if (req.method === "GET" && path === "/dev") {
    return sendJson(res, 200, { version: "inngest-stand-in", functions: handlers.functions() });
  }
  if (req.method === "GET" && path === "/stand-in/runs") return sendJson(res, 200, handlers.runs());
  if (req.method === "GET" && path === "/stand-in/events") return sendJson(res, 200, handlers.events());

  sendJson(res, 404, { error: `The Inngest stand-in does not serve ${req.method} ${path}` });
}

export function createStandInServer(handlers: StandInHandlers): Server {
  return createServer((req, res) => {
    route(handlers, req, res).catch((error: Error) => {
      if (!res.headersSent) sendJson(res, 400, { error: error.message, status: 400 });
    });
  });
}
