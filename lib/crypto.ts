// Secrets at rest (Vendus API keys, Jumpseller tokens) are sealed with AES-256-GCM.
// Format: v1.<key id>.<iv>.<tag>.<ciphertext> (base64url). The key id (a hash prefix of the key) lets a
// rotation keep reading values sealed with the previous key, given as PONTE_ENCRYPTION_KEY_OLD.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { decodeKey, getEnv } from "./env";

export interface Keyring {
  current: Buffer;
  previous?: Buffer;
}

function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

export function keyringFromEnv(): Keyring {
  const env = getEnv();
  const current = decodeKey(env.PONTE_ENCRYPTION_KEY);
  if (!current) throw new Error("PONTE_ENCRYPTION_KEY is not a 32-byte key");
  const previous = env.PONTE_ENCRYPTION_KEY_OLD ? decodeKey(env.PONTE_ENCRYPTION_KEY_OLD) ?? undefined : undefined;
  return { current, previous };
}

export function sealSecret(plaintext: string, keyring: Keyring = keyringFromEnv()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", keyId(keyring.current), iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function openSecret(sealed: string, keyring: Keyring = keyringFromEnv()): string {
  const [version, id, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !id || !iv || !tag || ciphertext === undefined) throw new Error("Not a sealed secret");
  const key = [keyring.current, keyring.previous].find((k) => k && keyId(k) === id);
  if (!key) throw new Error("This secret was sealed with a key that is no longer configured");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** True when the value was sealed with the previous key and should be re-sealed. */
export function needsResealing(sealed: string, keyring: Keyring = keyringFromEnv()): boolean {
  return sealed.split(".")[1] !== keyId(keyring.current);
}

/** A short hint that identifies a secret without revealing it ("…a1b2"). */
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`;
}

/** HMAC-SHA256 with a purpose-bound key derived from NEXTAUTH_SECRET (signed links, OAuth state). */
export function signValue(purpose: string, value: string): string {
  const secret = createHash("sha256").update(`${purpose}:${getEnv().NEXTAUTH_SECRET}`).digest();
  return createHmac("sha256", secret).update(value).digest("base64url");
}

export function verifySignedValue(purpose: string, value: string, signature: string): boolean {
  const expected = Buffer.from(signValue(purpose, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
