// Writes a store's sealed credentials during the connection steps. Secrets are sealed here, right before
// the write, and only their hints are ever read back.
import { sealSecret, secretHint } from "@/lib/crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

type CredentialWriter = Pick<Prisma.TransactionClient, "storeCredential">;

export interface InstallCredentials {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  hooksToken: string | null;
}

/**
 * Saves the OAuth tokens and hooks token of a store installed as a Jumpseller app. A store seen for the
 * first time gets an empty sealed Vendus key and an empty hint, which is how "pending" is recognised until
 * an admin pastes the real key; a store installed again keeps the Vendus key it already has.
 */
export async function saveInstallCredentials(
  tx: CredentialWriter,
  storeId: string,
  c: InstallCredentials,
): Promise<void> {
  const jumpseller = {
    jumpsellerAuth: "oauth" as const,
    // Installing the app replaces private-API credentials given on the command line earlier.
    jumpsellerLogin: null,
    jumpsellerTokenEnc: null,
    accessTokenEnc: sealSecret(c.accessToken, { storeId, field: "accessToken" }),
    refreshTokenEnc: sealSecret(c.refreshToken, { storeId, field: "refreshToken" }),
    accessTokenExpiresAt: c.expiresAt,
    hooksTokenEnc: c.hooksToken ? sealSecret(c.hooksToken, { storeId, field: "hooksToken" }) : null,
  };
  await tx.storeCredential.upsert({
    where: { storeId },
    create: {
      storeId,
      ...jumpseller,
      vendusApiKeyEnc: sealSecret("", { storeId, field: "vendusApiKey" }),
      vendusKeyHint: "",
    },
    update: jumpseller,
  });
}

/** Replaces the Vendus API key; returns the hint that identifies it on screen. */
export async function saveVendusApiKey(tx: CredentialWriter, storeId: string, apiKey: string): Promise<string> {
  const hint = secretHint(apiKey);
  await tx.storeCredential.update({
    where: { storeId },
    data: { vendusApiKeyEnc: sealSecret(apiKey, { storeId, field: "vendusApiKey" }), vendusKeyHint: hint },
  });
  return hint;
}

/** A store is pending until it has a Vendus key (an empty hint marks the placeholder). */
export function hasVendusKey(credential: { vendusKeyHint: string } | null | undefined): boolean {
  return Boolean(credential?.vendusKeyHint);
}
