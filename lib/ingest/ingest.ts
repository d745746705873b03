// POST /api/webhooks/jumpseller, without Next: check, store, acknowledge. No call to Jumpseller or Vendus
// happens here; the job is sent to Inngest after the answer (see `followUp`). Every refusal is a 4xx with a
// short reason and leaves no job behind.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { jumpsellerWebhookHeaders } from "@/lib/jumpseller/constants";
import { verifyWebhookSignature } from "@/lib/jumpseller/webhook-signature";
import { isKnownEvent, planDelivery } from "./events";
import { recordDelivery } from "./record";
import type { Rejection, RejectionLog } from "./rejections";
import type { StoreDirectory } from "./store-directory";

export const maxWebhookBodyBytes = 1024 * 1024;
/** Jumpseller's payloads nest a few levels; far deeper JSON is refused before it is parsed. */
export const maxJsonDepth = 64;

// A key no sender knows, checked against for unknown store codes so that they cost what a known one costs.
const unknownStoreKey = randomBytes(32).toString("hex");

export interface IngestDeps {
  db: Db;
  stores: StoreDirectory;
  rejections: RejectionLog;
  /** The Jumpseller app's client secret: an alternative signing key for hooks created through OAuth. */
  clientSecret?: string | null;
  /** Sends the jobs to Inngest; failures leave them waiting_dispatch for the scheduled dispatcher. */
  dispatch(jobIds: string[]): Promise<unknown>;
}

/** The request's headers as the ingest reads them: a fetch Headers, or node:http's headers behind `get`. */
export interface HeaderReader {
  /** The header's value (names in any case), or null when absent. */
  get(name: string): string | null;
}

export interface WebhookRequest {
  headers: HeaderReader;
  /** The raw bytes, or "too_large" when the reader stopped at the limit. */
  body: Uint8Array | "too_large";
  remoteAddr?: string | null;
  /** When given, filled with how long each phase took (ms), for the opt-in Server-Timing header. */
  timings?: IngestTimings;
}

/** The handler's own phases: the store lookup, the signature check, reading the JSON, storing the delivery with its job. */
export type IngestTimings = Partial<Record<"lookup" | "verify" | "parse" | "store", number>>;

export interface IngestResult {
  status: number;
  body: Record<string, unknown>;
  /** Work to do once the answer is sent (Next's after()): dispatching, or recording a refusal. */
  followUp: (() => Promise<void>) | null;
}

export async function ingestWebhook(deps: IngestDeps, req: WebhookRequest): Promise<IngestResult> {
  const storeCode = req.headers.get(jumpsellerWebhookHeaders.storeCode)?.trim() || null;
  const eventName = req.headers.get(jumpsellerWebhookHeaders.event)?.trim() || null;
  const bodyBytes = req.body === "too_large" ? maxWebhookBodyBytes + 1 : req.body.byteLength;
  const reject = (status: number, reason: string, storeId: string | null = null): IngestResult => {
    const rejection: Rejection = {
      status,
      reason,
      storeCode,
      storeId,
      event: eventName,
      bodyBytes,
      remoteAddr: req.remoteAddr ?? null,
    };
    return { status, body: { error: reason }, followUp: () => deps.rejections.record(rejection) };
  };

  if (req.body === "too_large") return reject(413, "body larger than 1 MB");
  const contentType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") return reject(415, "content type must be application/json");
  if (!storeCode) return reject(400, `missing ${jumpsellerWebhookHeaders.storeCode} header`);

  const timings = req.timings;
  let mark = timings ? performance.now() : 0;
  const took = (phase: keyof IngestTimings) => {
    if (!timings) return;
    const now = performance.now();
    timings[phase] = now - mark;
    mark = now;
  };

  let store;
  try {
    store = await deps.stores.lookup(storeCode);
  } catch (error) {
    return unavailable(error);
  }
  took("lookup");
  const signatureHeader = req.headers.get(jumpsellerWebhookHeaders.signature);
  if (!store) {
    // Answered exactly as a bad signature (same status, same words, the same HMAC work), so that the answers
    // do not tell which store codes exist. The rejection record keeps the real reason.
    const check = verifyWebhookSignature(req.body, signatureHeader, { hooksToken: unknownStoreKey });
    const refusal = reject(401, "unknown store");
    return { ...refusal, body: { error: `signature ${check.ok ? "mismatch" : check.reason}` } };
  }

  const signature = verifyWebhookSignature(req.body, signatureHeader, {
    hooksToken: store.hooksToken,
    clientSecret: deps.clientSecret,
  });
  took("verify");
  if (!signature.ok) return reject(401, `signature ${signature.reason}`, store.id);
  if (!eventName) return reject(400, `missing ${jumpsellerWebhookHeaders.event} header`, store.id);
  if (!isKnownEvent(eventName)) return reject(400, "unknown event", store.id);

  if (jsonDepthExceeds(req.body, maxJsonDepth)) return reject(400, "JSON nested too deeply", store.id);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength).toString("utf8"));
  } catch {
    return reject(400, "malformed JSON", store.id);
  }
  const planned = planDelivery(eventName, body);
  if (!planned.ok) return reject(400, planned.reason, store.id);
  const plan = planned.plan;
  if (plan.action === "ignore") return { status: 200, body: { ok: true, ignored: eventName }, followUp: null };
  // A disabled store's deliveries are acknowledged (so Jumpseller does not pause the hook) but not acted on.
  if (!store.enabled) return { status: 200, body: { ok: true, ignored: "store disabled" }, followUp: null };

  took("parse");
  let recorded;
  try {
    recorded = await recordDelivery(deps.db, plan, {
      storeId: store.id,
      body,
      triggeredAt: req.headers.get(jumpsellerWebhookHeaders.triggeredAt),
      matchedKey: signature.matched,
    });
  } catch (error) {
    return unavailable(error);
  }
  took("store");
  const { jobId } = recorded;
  return {
    status: 200,
    body: { ok: true, duplicate: recorded.duplicate, jobId, outcome: recorded.outcome },
    followUp: recorded.dispatch && jobId ? () => deps.dispatch([jobId]).then(() => undefined) : null,
  };
}

/** Whether arrays and objects nest deeper than `max` (brackets inside strings do not count). One pass over the bytes. */
export function jsonDepthExceeds(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // a backslash: the next byte is escaped
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return false;
}

/** The database could not be reached: Jumpseller retries non-2xx answers, so nothing is lost. */
function unavailable(error: unknown): IngestResult {
  console.error("Webhook not stored (database unavailable?):", (error as Error)?.message ?? error);
  return { status: 503, body: { error: "temporarily unavailable, retry later" }, followUp: null };
}
