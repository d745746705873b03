// Jumpseller signs each hook delivery: Jumpseller-Hmac-Sha256 = base64(HMAC-SHA256(key, raw body)).
// The key is the store's hooks token (not the API authtoken). Whether hooks registered by an OAuth app are
// signed with the hooks token or with the app's client secret is undocumented, so both are tried and the
// result says which one matched.
import { createHmac, timingSafeEqual } from "node:crypto";

export {
  jumpsellerWebhookEvents,
  jumpsellerWebhookHeaders,
  webhookEventSchema,
  type JumpsellerWebhookEvent,
} from "./constants";

export type WebhookSignatureResult =
  { ok: true; matched: "hooks_token" | "client_secret" } | { ok: false; reason: "missing" | "malformed" | "mismatch" };

export interface WebhookSignatureKeys {
  hooksToken?: string | null;
  clientSecret?: string | null;
}

const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;
const sha256Bytes = 32;

function toBuffer(body: Uint8Array | string): Buffer {
  return typeof body === "string"
    ? Buffer.from(body, "utf8")
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** The header value Jumpseller would send for this exact body. */
export function signWebhookBody(body: Uint8Array | string, key: string): string {
  return createHmac("sha256", key).update(toBuffer(body)).digest("base64");
}

/**
 * Checks the signature over the raw bytes as received: re-serialising parsed JSON changes the bytes and
 * breaks the check, so read the request body as text or bytes first.
 */
export function verifyWebhookSignature(
  rawBody: Uint8Array | string,
  signatureHeader: string | null,
  keys: WebhookSignatureKeys,
): WebhookSignatureResult {
  const header = signatureHeader?.trim() ?? "";
  if (!header) return { ok: false, reason: "missing" };
  if (!base64Pattern.test(header)) return { ok: false, reason: "malformed" };
  const received = Buffer.from(header, "base64");
  if (received.length !== sha256Bytes) return { ok: false, reason: "malformed" };

  const body = toBuffer(rawBody);
  const candidates = [
    ["hooks_token", keys.hooksToken],
    ["client_secret", keys.clientSecret],
  ] as const;
  for (const [name, key] of candidates) {
    if (!key) continue;
    const expected = createHmac("sha256", key).update(body).digest();
    // Both buffers are 32 bytes here, which timingSafeEqual requires.
    if (timingSafeEqual(expected, received)) return { ok: true, matched: name };
  }
  return { ok: false, reason: "mismatch" };
}
