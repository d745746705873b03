// Stores as the signed-in user may see them. Secrets never leave the database: only the key hint is read.
import { cache } from "react";
import { storesVisibleTo, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";

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
  return db.store.findMany({ where: storesVisibleTo(user), orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export const getStoreDetail = cache(async (user: SessionUser, storeId: string) => {
  const store = await db.store.findFirst({
    where: { AND: [{ id: storeId }, storesVisibleTo(user)] },
    select: {
      id: true,
      name: true,
      code: true,
      enabled: true,
      oss: true,
      vendusRegisterId: true,
      documentType: true,
      vendusPaymentMethodId: true,
      defaultVatRate: true,
      testMode: true,
      exemptionCode: true,
      exemptionLaw: true,
      invalidNifPolicy: true,
      autoCreditNote: true,
      notificationEmails: true,
      vendusRegion: true,
      timezone: true,
      lastReconciledAt: true,
      createdAt: true,
      credential: { select: { vendusKeyHint: true, jumpsellerAuth: true, updatedAt: true } },
    },
  });
  // Decimal is not a plain value: turn it into a number before it reaches a client component.
  return store ? { ...store, defaultVatRate: Number(store.defaultVatRate) } : null;
});
export type StoreDetail = NonNullable<Awaited<ReturnType<typeof getStoreDetail>>>;
