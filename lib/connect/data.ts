// Reads for the connect pages, scoped to the signed-in user. Only the key hint is read, never a secret.
import { storesVisibleTo, type SessionUser } from "@/lib/access";
import { storeSettingsSelect } from "@/lib/data/stores";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

/** Stores not switched on yet: installed and waiting for their Vendus key or their settings. */
export async function listPendingStores(user: SessionUser) {
  const stores = await db.store.findMany({
    where: { AND: [storesVisibleTo(user), { enabled: false }] },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      code: true,
      vendusRegisterId: true,
      credential: { select: { vendusKeyHint: true } },
    },
  });
  return stores.map(({ credential, ...store }) => ({ ...store, hasVendusKey: Boolean(credential?.vendusKeyHint) }));
}

export async function getConnectStore(user: SessionUser, storeId: string) {
  const store = await db.store.findFirst({
    where: { AND: [{ id: storeId }, storesVisibleTo(user)] },
    select: {
      ...storeSettingsSelect,
      credential: { select: { vendusKeyHint: true, jumpsellerAuth: true } },
    },
  });
  if (!store) return null;
  const { credential, defaultVatRate, ...rest } = store;
  return {
    ...rest,
    // Decimal is not a plain value: a number can cross to a client component.
    defaultVatRate: Number(defaultVatRate),
    vendusKeyHint: credential?.vendusKeyHint ?? "",
    jumpsellerAuth: credential?.jumpsellerAuth ?? null,
  };
}
export type ConnectStore = NonNullable<Awaited<ReturnType<typeof getConnectStore>>>;

/** Whether this Ponte is registered as a Jumpseller app (client id and secret configured). */
export function isJumpsellerAppConfigured(): boolean {
  const env = getEnv();
  return Boolean(env.JUMPSELLER_CLIENT_ID && env.JUMPSELLER_CLIENT_SECRET);
}
