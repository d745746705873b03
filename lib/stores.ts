// Connecting a store: its settings, and its secrets sealed at rest. Secrets are only ever opened on the
// server, right before a call to Jumpseller or Vendus; no function here returns them to a page.
import { z } from "zod";
import type { Db } from "./db";
import { openSecret, sealSecret, secretHint, type SecretField } from "./crypto";
import { Prisma } from "./generated/prisma/client";
import { changedFields } from "./audit";
import {
  applyStoreSettings,
  defaultStoreSettings,
  describeSettingsErrors,
  storeSettingsFields,
  type SettingsErrors,
  type StoreSettings,
  type StoreSettingsInput,
} from "./store-settings";

export type { StoreSettings, StoreSettingsInput } from "./store-settings";

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
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]*$/i, "must be the Jumpseller store code (subdomain)"),
  jumpseller: jumpsellerAuthSchema,
  hooksToken: z.string().min(1).nullable().default(null),
  vendusApiKey: z.string().min(8, "looks too short for a Vendus API key"),
});
export type ConnectStoreInput = z.input<typeof connectStoreSchema> & { settings: StoreSettingsInput };

/** Settings refused by the store-settings model; `errors` maps each field to its error code. */
export class StoreSettingsRefused extends Error {
  constructor(readonly errors: SettingsErrors) {
    super(`Store settings refused: ${describeSettingsErrors(errors)}`);
    this.name = "StoreSettingsRefused";
  }
}

const notChecked = { readiness: Prisma.DbNull, readinessCheckedAt: null };

/** The columns of the store-settings model, for selects. */
export const storeSettingsSelect = Object.fromEntries(storeSettingsFields.map((f) => [f, true])) as {
  [K in keyof StoreSettings]: true;
};

type SettingsRow = Prisma.StoreGetPayload<{ select: typeof storeSettingsSelect }>;

/** A store row's settings as the model's values (the VAT rate is a Decimal in the database). */
export function settingsOfRow(row: SettingsRow): StoreSettings {
  return {
    ...row,
    defaultVatRate: Number(row.defaultVatRate),
    documentType: row.documentType === "FT" ? "FT" : "FR",
    invalidNifPolicy: row.invalidNifPolicy,
    invalidVatNumberPolicy: row.invalidVatNumberPolicy,
    shippingVat: row.shippingVat,
    vendusRegion: row.vendusRegion as StoreSettings["vendusRegion"],
  };
}

function sealedCredentials(storeId: string, input: z.infer<typeof connectStoreSchema>) {
  const js = input.jumpseller;
  const seal = (value: string, field: SecretField) => sealSecret(value, { storeId, field });
  return {
    jumpsellerAuth: js.kind,
    jumpsellerLogin: js.kind === "private" ? js.login : null,
    jumpsellerTokenEnc: js.kind === "private" ? seal(js.authtoken, "jumpsellerToken") : null,
    accessTokenEnc: js.kind === "oauth" ? seal(js.accessToken, "accessToken") : null,
    refreshTokenEnc: js.kind === "oauth" ? seal(js.refreshToken, "refreshToken") : null,
    accessTokenExpiresAt: js.kind === "oauth" ? js.expiresAt : null,
    hooksTokenEnc: input.hooksToken ? seal(input.hooksToken, "hooksToken") : null,
    vendusApiKeyEnc: seal(input.vendusApiKey, "vendusApiKey"),
    vendusKeyHint: secretHint(input.vendusApiKey),
  };
}

/**
 * Creates the store, or updates it when the code is already known (re-installing the app). The settings
 * given are applied to the store's current ones (a new store's defaults) and checked as a whole: refused
 * settings throw StoreSettingsRefused and nothing is written.
 */
export async function connectStore(db: Db, raw: ConnectStoreInput, actorId: string | null = null) {
  const input = connectStoreSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const existing = await tx.store.findUnique({ where: { code: input.code }, select: storeSettingsSelect });
    const current = existing ? settingsOfRow(existing) : { ...defaultStoreSettings, name: input.code };
    const result = applyStoreSettings(current, raw.settings);
    if (!result.ok) throw new StoreSettingsRefused(result.errors);
    const store = await tx.store.upsert({
      where: { code: input.code },
      create: { code: input.code, ...result.settings },
      update: { ...result.settings, ...notChecked },
      select: { id: true, code: true, name: true },
    });
    // Sealed once the store's id is known: each secret is bound to its store.
    const credentials = sealedCredentials(store.id, input);
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

export type SaveSettingsResult =
  | { ok: true; settings: StoreSettings; changed: Record<string, { from: unknown; to: unknown }> }
  | { ok: false; errors: SettingsErrors };

/**
 * Changes some of a store's settings: applied to the current ones, checked as a whole by the model, written
 * and audited in one transaction. A change that changes nothing writes nothing.
 */
export async function saveStoreSettings(
  db: Db,
  storeId: string,
  changes: StoreSettingsInput,
  audit: { actorId: string | null; action?: string; details?: Record<string, unknown> },
): Promise<SaveSettingsResult> {
  return db.$transaction(async (tx) => {
    const row = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: storeSettingsSelect });
    const current = settingsOfRow(row);
    const result = applyStoreSettings(current, changes);
    if (!result.ok) return result;
    const changed = changedFields(current, result.settings);
    if (Object.keys(changed).length === 0) return { ok: true, settings: result.settings, changed };
    // A verdict about the old settings would mislead: the store is "not checked" until checked again.
    await tx.store.update({ where: { id: storeId }, data: { ...result.settings, ...notChecked } });
    await tx.auditEvent.create({
      data: {
        actorId: audit.actorId,
        storeId,
        action: audit.action ?? "store.settings_updated",
        targetType: "store",
        targetId: storeId,
        details: JSON.parse(JSON.stringify({ changed, ...audit.details })) as Prisma.InputJsonValue,
      },
    });
    return { ok: true, settings: result.settings, changed };
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
  const open = (sealed: string | null, field: SecretField) => openSecret(sealed ?? "", { storeId, field });
  return {
    jumpseller:
      c.jumpsellerAuth === "private"
        ? { kind: "private", login: c.jumpsellerLogin ?? "", authtoken: open(c.jumpsellerTokenEnc, "jumpsellerToken") }
        : {
            kind: "oauth",
            accessToken: open(c.accessTokenEnc, "accessToken"),
            refreshToken: open(c.refreshTokenEnc, "refreshToken"),
            expiresAt: c.accessTokenExpiresAt ?? new Date(0),
          },
    hooksToken: c.hooksTokenEnc ? open(c.hooksTokenEnc, "hooksToken") : null,
    vendusApiKey: open(c.vendusApiKeyEnc, "vendusApiKey"),
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
      accessTokenEnc: sealSecret(tokens.accessToken, { storeId, field: "accessToken" }),
      refreshTokenEnc: sealSecret(tokens.refreshToken, { storeId, field: "refreshToken" }),
      accessTokenExpiresAt: tokens.expiresAt,
    },
  });
}
