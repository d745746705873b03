// Step one of a store's setup: the Vendus API key. It is checked against Vendus before it is kept, and the
// account's registers and payment methods are read for step two. The key itself is never returned.
import { z } from "zod";
import { authorizeStore, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { fieldErrors } from "@/lib/form-errors";
import type { Region } from "@/lib/invoicing/types";
import { describeServiceFailure, failureOf } from "@/lib/service-errors";
import { loadStoreSecrets } from "@/lib/stores";
import { createVendusClient, type VendusClient } from "@/lib/vendus/client";
import { forgetVendusThrottleKey } from "@/lib/jobs/dispatch";
import { resumeAfterReconnect } from "@/lib/outages/reconnect";
import { hasVendusKey, saveVendusApiKey } from "./credentials";
import { connectErrorMessages, failure, type ConnectFailure } from "./types";

export interface SetupOptions {
  region: Region;
  /** Identifies the key on screen ("…a1b2"). */
  hint: string;
  /** Active registers only: documents cannot be issued on a closed one. */
  registers: { id: number; title: string; type: string; mode: "normal" | "tests" | null }[];
  paymentMethods: { id: number; title: string; type: string }[];
}

export const vendusKeySchema = z.object({
  apiKey: z.string().trim().min(8, "key_too_short").max(200, "key_too_long"),
});

/** Stores may only be connected and set up by users allowed to change store settings (admins). */
export async function authorizeSetup(user: SessionUser, storeId: string): Promise<ConnectFailure | null> {
  const access = await authorizeStore(user, storeId, "stores.settings");
  return "error" in access ? failure(access.error, connectErrorMessages[access.error]) : null;
}

export function vendusClientFor(apiKey: string): VendusClient {
  return createVendusClient({ apiKey, baseUrl: getEnv().VENDUS_API_URL, getRetries: 1 });
}

/** Expected Vendus failures as values; anything else is thrown. */
export function vendusFailure(error: unknown): ConnectFailure {
  const refused = failureOf("vendus", error);
  if (refused?.code === "vendus_auth")
    return failure(refused.code, describeServiceFailure(refused), { apiKey: refused.code });
  if (refused?.code === "vendus_unavailable") return failure(refused.code, describeServiceFailure(refused));
  throw error;
}

/** Registers and payment methods, read without side effects (never register movements). */
export async function readSetupLists(
  vendus: VendusClient,
): Promise<Pick<SetupOptions, "registers" | "paymentMethods">> {
  const [registers, methods] = await Promise.all([vendus.listRegisters(), vendus.listPaymentMethods()]);
  return {
    registers: registers.filter((r) => r.isActive).map(({ id, title, type, mode }) => ({ id, title, type, mode })),
    paymentMethods: methods.filter((m) => m.isActive).map(({ id, title, type }) => ({ id, title, type })),
  };
}

export type SaveVendusKeyResult = ({ ok: true } & SetupOptions) | ConnectFailure;

export async function saveVendusKey(input: {
  user: SessionUser;
  storeId: string;
  apiKey: unknown;
}): Promise<SaveVendusKeyResult> {
  const { user, storeId } = input;
  const denied = await authorizeSetup(user, storeId);
  if (denied) return denied;
  const parsed = vendusKeySchema.safeParse({ apiKey: input.apiKey });
  if (!parsed.success)
    return failure("invalid", "This does not look like a Vendus API key.", fieldErrors(parsed.error));
  const { apiKey } = parsed.data;

  const vendus = vendusClientFor(apiKey);
  let account;
  let lists;
  try {
    account = await vendus.getAccount();
    if (!account.region) {
      return failure(
        "vendus_region_unsupported",
        `The Vendus account is registered in "${account.country}"; Ponte invoices for Portugal only.`,
      );
    }
    lists = await readSetupLists(vendus);
  } catch (error) {
    return vendusFailure(error);
  }
  const region = account.region;

  const hint = await db.$transaction(async (tx) => {
    const saved = await saveVendusApiKey(tx, storeId, apiKey);
    await tx.store.update({ where: { id: storeId }, data: { vendusRegion: region } });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        storeId,
        action: "store.vendus_key_saved",
        targetType: "store",
        targetId: storeId,
        details: { hint: saved, region, company: account.company },
      },
    });
    return saved;
  });
  forgetVendusThrottleKey(storeId);
  // Invoices that waited for a valid key are issued now, oldest payment first.
  await resumeAfterReconnect(db, storeId, "vendus_key");
  return { ok: true, region, hint, ...lists };
}

/** What step two offers, for a store whose key was saved earlier (the page after a reload). */
export async function loadSetupOptions(input: {
  user: SessionUser;
  storeId: string;
}): Promise<({ ok: true } & SetupOptions) | ConnectFailure> {
  const denied = await authorizeSetup(input.user, input.storeId);
  if (denied) return denied;
  const store = await db.store.findUniqueOrThrow({
    where: { id: input.storeId },
    select: { vendusRegion: true, credential: { select: { vendusKeyHint: true } } },
  });
  if (!hasVendusKey(store.credential)) return failure("vendus_key_missing", "Paste the store's Vendus API key first.");
  const { vendusApiKey } = await loadStoreSecrets(db, input.storeId);
  try {
    const lists = await readSetupLists(vendusClientFor(vendusApiKey));
    return { ok: true, region: store.vendusRegion as Region, hint: store.credential?.vendusKeyHint ?? "", ...lists };
  } catch (error) {
    return vendusFailure(error);
  }
}
