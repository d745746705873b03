// Connecting a store: its settings, and its secrets sealed at rest. Secrets are only ever opened on the
// server, right before a call to Jumpseller or Vendus; no function here returns them to a page.
import { z } from "zod";
import type { Db } from "./db";
import { openSecret, sealSecret, secretHint } from "./crypto";

const emails = z.array(z.email()).default([]);

export const storeSettingsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(false),
  oss: z.boolean().default(false),
  vendusRegisterId: z.number().int().positive().nullable().default(null),
  documentType: z.enum(["FT", "FR"]).default("FR"),
  vendusPaymentMethodId: z.number().int().positive().nullable().default(null),
  defaultVatRate: z.number().min(0).max(30).default(23),
  testMode: z.boolean().default(true),
  exemptionCode: z.string().regex(/^M\d{2}$/).nullable().default(null),
  exemptionLaw: z.string().max(200).nullable().default(null),
  invalidNifPolicy: z.enum(["refuse", "consumidor_final"]).default("refuse"),
  nifFieldLabel: z.string().max(80).nullable().default(null),
  autoCreditNote: z.boolean().default(false),
  notificationEmails: emails,
  vendusRegion: z.enum(["PT", "PT-MA", "PT-AC"]).default("PT"),
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;

export const jumpsellerAuthSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("private"), login: z.string().min(1), authtoken: z.string().min(1) }),
  z.object({
    kind: z.literal("oauth"),
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    expiresAt: z.coerce.date(),
  }),
]);
export type JumpsellerAuthInput = z.infer<typeof jumpsellerAuthSchema>;

export const connectStoreSchema = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]*$/i, "must be the Jumpseller store code (subdomain)"),
  settings: storeSettingsSchema,
  jumpseller: jumpsellerAuthSchema,
  hooksToken: z.string().min(1).nullable().default(null),
  vendusApiKey: z.string().min(8, "looks too short for a Vendus API key"),
});
export type ConnectStoreInput = z.input<typeof connectStoreSchema>;

function sealedCredentials(input: z.infer<typeof connectStoreSchema>) {
  const js = input.jumpseller;
  return {
    jumpsellerAuth: js.kind,
    jumpsellerLogin: js.kind === "private" ? js.login : null,
    jumpsellerTokenEnc: js.kind === "private" ? sealSecret(js.authtoken) : null,
    accessTokenEnc: js.kind === "oauth" ? sealSecret(js.accessToken) : null,
    refreshTokenEnc: js.kind === "oauth" ? sealSecret(js.refreshToken) : null,
    accessTokenExpiresAt: js.kind === "oauth" ? js.expiresAt : null,
    hooksTokenEnc: input.hooksToken ? sealSecret(input.hooksToken) : null,
    vendusApiKeyEnc: sealSecret(input.vendusApiKey),
    vendusKeyHint: secretHint(input.vendusApiKey),
  };
}

/** Creates the store, or updates it when the code is already known (re-installing the app). */
export async function connectStore(db: Db, raw: ConnectStoreInput, actorId: string | null = null) {
  const input = connectStoreSchema.parse(raw);
  const credentials = sealedCredentials(input);
  return db.$transaction(async (tx) => {
    const store = await tx.store.upsert({
      where: { code: input.code },
      create: { code: input.code, ...input.settings },
      update: { ...input.settings },
      select: { id: true, code: true, name: true },
    });
    await tx.storeCredential.upsert({
      where: { storeId: store.id },
      create: { storeId: store.id, ...credentials },
      update: credentials,
    });
    await tx.auditEvent.create({
      data: { actorId, storeId: store.id, action: "store.connected", targetType: "store", targetId: store.id },
    });
    return store;
  });
}

export interface StoreSecrets {
  jumpseller:
    | { kind: "private"; login: string; authtoken: string }
    | { kind: "oauth"; accessToken: string; refreshToken: string; expiresAt: Date };
  hooksToken: string | null;
  vendusApiKey: string;
}

/** Opens a store's secrets. Server-side only: for calls to Jumpseller/Vendus and webhook checks. */
export async function loadStoreSecrets(db: Db, storeId: string): Promise<StoreSecrets> {
  const c = await db.storeCredential.findUniqueOrThrow({ where: { storeId } });
  return {
    jumpseller:
      c.jumpsellerAuth === "private"
        ? { kind: "private", login: c.jumpsellerLogin ?? "", authtoken: openSecret(c.jumpsellerTokenEnc ?? "") }
        : {
            kind: "oauth",
            accessToken: openSecret(c.accessTokenEnc ?? ""),
            refreshToken: openSecret(c.refreshTokenEnc ?? ""),
            expiresAt: c.accessTokenExpiresAt ?? new Date(0),
          },
    hooksToken: c.hooksTokenEnc ? openSecret(c.hooksTokenEnc) : null,
    vendusApiKey: openSecret(c.vendusApiKeyEnc),
  };
}

/** Persists rotated OAuth tokens (Jumpseller invalidates the old refresh token on every refresh). */
export async function saveOAuthTokens(
  db: Db,
  storeId: string,
  tokens: { accessToken: string; refreshToken: string; expiresAt: Date },
): Promise<void> {
  await db.storeCredential.update({
    where: { storeId },
    data: {
      accessTokenEnc: sealSecret(tokens.accessToken),
      refreshTokenEnc: sealSecret(tokens.refreshToken),
      accessTokenExpiresAt: tokens.expiresAt,
    },
  });
}
