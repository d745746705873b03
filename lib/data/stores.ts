// Stores as the signed-in user may see them. Secrets never leave the database: only the key hint is read.
import { cache } from "react";
import { storesVisibleTo, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readStoredReadiness } from "@/lib/readiness/stored";

export async function listStores(user: SessionUser) {
  return db.store.findMany({
    where: storesVisibleTo(user),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      code: true,
      enabled: true,
      testMode: true,
      oss: true,
      documentType: true,
      lastReconciledAt: true,
      credential: { select: { vendusKeyHint: true } },
    },
  });
}
export type StoreListRow = Awaited<ReturnType<typeof listStores>>[number];

/** Store names for filter menus. */
export async function listStoreOptions(user: SessionUser): Promise<{ id: string; name: string }[]> {
  return db.store.findMany({
    where: storesVisibleTo(user),
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** What the store page and the connect pages both show of a store's set-up. */
export const storeSettingsSelect = {
  id: true,
  name: true,
  code: true,
  enabled: true,
  oss: true,
  testMode: true,
  documentType: true,
  vendusRegisterId: true,
  vendusPaymentMethodId: true,
  defaultVatRate: true,
  vendusRegion: true,
} satisfies Prisma.StoreSelect;

export const getStoreDetail = cache(async (user: SessionUser, storeId: string) => {
  const store = await db.store.findFirst({
    where: { AND: [{ id: storeId }, storesVisibleTo(user)] },
    select: {
      ...storeSettingsSelect,
      exemptionCode: true,
      exemptionLaw: true,
      invalidNifPolicy: true,
      invalidVatNumberPolicy: true,
      shippingVat: true,
      viesCheck: true,
      autoCreditNote: true,
      notificationEmails: true,
      timezone: true,
      lastReconciledAt: true,
      readiness: true,
      createdAt: true,
      credential: { select: { vendusKeyHint: true, jumpsellerAuth: true, updatedAt: true } },
    },
  });
  // Decimal is not a plain value: turn it into a number before it reaches a client component.
  return store
    ? { ...store, defaultVatRate: Number(store.defaultVatRate), readiness: readStoredReadiness(store.readiness) }
    : null;
});
export type StoreDetail = NonNullable<Awaited<ReturnType<typeof getStoreDetail>>>;
