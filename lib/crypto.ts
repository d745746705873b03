// Secrets at rest (Vendus API keys, Jumpseller tokens) are sealed with AES-256-GCM.
// Format: v2.<key id>.<iv>.<tag>.<ciphertext> (base64url). The key id (a hash prefix of the key) lets a
// rotation keep reading values sealed with the previous key, given as PONTE_ENCRYPTION_KEY_OLD; the tag is
// always the full 16 bytes. Each secret is bound to where it lives (its store and its field) as GCM's
// additional data: a sealed value copied to another store's row, or into another column, does not open.
// Values sealed by earlier versions (v1: no binding) still open, so that `npm run ponte -- keys:reseal` can
// re-seal them (and everything sealed with the previous key) under the current key and format.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { decodeKey, getEnv } from "./env";

export interface Keyring {
  current: Buffer;
  previous?: Buffer;
}

/** Where a secret lives. Sealing binds the value to it; opening elsewhere fails. */
export interface SecretSlot {
  storeId: string;
  field: SecretField;
}

/** The secrets of a store, and the StoreCredential column each is kept in. */
export const credentialColumns = {
  jumpsellerToken: "jumpsellerTokenEnc",
  accessToken: "accessTokenEnc",
  refreshToken: "refreshTokenEnc",
  hooksToken: "hooksTokenEnc",
  vendusApiKey: "vendusApiKeyEnc",
} as const;
export type SecretField = keyof typeof credentialColumns;
export const secretFields = Object.keys(credentialColumns) as SecretField[];

const tagBytes = 16;

function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

function additionalData(slot: SecretSlot): Buffer {
  return Buffer.from(`ponte/v2/${slot.storeId}/${slot.field}`, "utf8");
}

export function keyringFromEnv(): Keyring {
  const env = getEnv();
  const current = decodeKey(env.PONTE_ENCRYPTION_KEY);
  if (!current) throw new Error("PONTE_ENCRYPTION_KEY is not a 32-byte key");
  const previous = env.PONTE_ENCRYPTION_KEY_OLD ? (decodeKey(env.PONTE_ENCRYPTION_KEY_OLD) ?? undefined) : undefined;
  return { current, previous };
}

export function sealSecret(plaintext: string, slot: SecretSlot, keyring: Keyring = keyringFromEnv()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current, iv, { authTagLength: tagBytes });
  cipher.setAAD(additionalData(slot));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v2", keyId(keyring.current), iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function openSecret(sealed: string, slot: SecretSlot, keyring: Keyring = keyringFromEnv()): string {
  const [version, id, iv, tag, ciphertext] = sealed.split(".");
  if ((version !== "v1" && version !== "v2") || !id || !iv || !tag || ciphertext === undefined) {
    throw new Error("Not a sealed secret");
  }
  const key = [keyring.current, keyring.previous].find((k) => k && keyId(k) === id);
  if (!key) throw new Error("This secret was sealed with a key that is no longer configured");
  const tagBuffer = Buffer.from(tag, "base64url");
  // GCM accepts truncated tags, which are easier to forge: only the full length is accepted.
  if (tagBuffer.length !== tagBytes) throw new Error("Not a sealed secret: the authentication tag is not 16 bytes");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: tagBytes });
  if (version === "v2") decipher.setAAD(additionalData(slot));
  decipher.setAuthTag(tagBuffer);
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** True when the value is sealed with the previous key or in the older format, and should be re-sealed. */
export function needsResealing(sealed: string, keyring: Keyring = keyringFromEnv()): boolean {
  const [version, id] = sealed.split(".");
  return version !== "v2" || id !== keyId(keyring.current);
}

/** A short hint that identifies a secret without revealing it ("…a1b2"). */
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`;
}

/** HMAC-SHA256 with a purpose-bound key derived from NEXTAUTH_SECRET (OAuth state). */
export function signValue(purpose: string, value: string): string {
  const secret = createHash("sha256").update(`${purpose}:${getEnv().NEXTAUTH_SECRET}`).digest();
  return createHmac("sha256", secret).update(value).digest("base64url");
}

export function verifySignedValue(purpose: string, value: string, signature: string): boolean {
  const expected = Buffer.from(signValue(purpose, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
