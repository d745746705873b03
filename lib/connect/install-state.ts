// The addresses and the signed `state` of the Jumpseller app install. The state is bound to the admin who
// clicked "Install": a callback carrying it is only accepted in that admin's session, within 10 minutes.
import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { createOAuthState, verifyOAuthState, type OAuthStateResult } from "@/lib/jumpseller/oauth";

export const installStateMaxAgeMs = 10 * 60_000;

/** A key of its own for OAuth states, so that a state can never be mistaken for any other signed value. */
export function installStateSecret(nextAuthSecret = getEnv().NEXTAUTH_SECRET): string {
  return createHash("sha256").update(`ponte:jumpseller-oauth-state:${nextAuthSecret}`).digest("base64url");
}

export function createInstallState(userId: string, now = new Date()): string {
  return createOAuthState({ userId, secret: installStateSecret(), now });
}

export function checkInstallState(
  state: string | null | undefined,
  userId: string,
  now = new Date(),
): OAuthStateResult {
  return verifyOAuthState(state, { secret: installStateSecret(), maxAgeMs: installStateMaxAgeMs, userId, now });
}

const publicUrl = () => getEnv().NEXTAUTH_URL.replace(/\/+$/, "");

/** Must match, character for character, the callback URL registered with the Jumpseller app. */
export function oauthRedirectUri(): string {
  return `${publicUrl()}/api/jumpseller/oauth/callback`;
}

export function webhookUrl(): string {
  return `${publicUrl()}/api/webhooks/jumpseller`;
}
