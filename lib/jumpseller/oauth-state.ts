// The OAuth `state` parameter: signed, expiring, and bound to the user who started the connection, so a
// callback cannot be replayed by, or forged for, another signed-in user (login CSRF on the store link).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type OAuthStateResult =
  | { ok: true; userId: string; issuedAt: Date }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" | "wrong_user" };

interface StatePayload {
  u: string;
  t: number;
  n: string;
}

function sign(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`jumpseller-oauth-state.${payload}`).digest();
}

/** `<base64url payload>.<base64url HMAC>`; the payload holds the user id, the time and a nonce. */
export function createOAuthState({
  userId,
  secret,
  now = new Date(),
}: {
  userId: string;
  secret: string;
  now?: Date;
}): string {
  if (!secret) throw new Error("createOAuthState needs a secret");
  const payload: StatePayload = { u: userId, t: now.getTime(), n: randomBytes(12).toString("base64url") };
  const encoded = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${encoded}.${sign(encoded, secret).toString("base64url")}`;
}

/**
 * `userId` is the user signed in when the callback arrives; a state issued to anyone else is refused.
 * The signature is checked (in constant time) before anything in the payload is trusted.
 */
export function verifyOAuthState(
  state: string | null | undefined,
  { secret, maxAgeMs, userId, now = new Date() }: { secret: string; maxAgeMs: number; userId: string; now?: Date },
): OAuthStateResult {
  if (!state || !secret) return { ok: false, reason: "malformed" };
  const parts = state.split(".");
  const [encoded, signature] = parts;
  if (parts.length !== 2 || !encoded || !signature || !/^[\w-]+$/.test(encoded) || !/^[\w-]+$/.test(signature)) {
    return { ok: false, reason: "malformed" };
  }
  const expected = sign(encoded, secret);
  const received = Buffer.from(signature, "base64url");
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, reason: "bad_signature" };
  }
  let payload: StatePayload;
  try {
    payload = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as StatePayload;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof payload.u !== "string" || typeof payload.t !== "number") return { ok: false, reason: "malformed" };
  const age = now.getTime() - payload.t;
  // A state from the future means a clock problem or a forged time: refuse it as well.
  if (age > maxAgeMs || age < -60_000) return { ok: false, reason: "expired" };
  if (payload.u !== userId) return { ok: false, reason: "wrong_user" };
  return { ok: true, userId: payload.u, issuedAt: new Date(payload.t) };
}
