// The world of the order-page tests: a store invoicing for real (Vendus register 101) and its people.
import type { Db } from "@/lib/db";
import { createStoreUser } from "../support/store-users";
import { startHarness } from "./harness";

/**
 * The people of the order tests: the store's merchant and accountant, and a merchant of another store (no
 * access to this one).
 */
async function createStorePeople(db: Db, storeId: string) {
  return {
    merchant: await createStoreUser(db, storeId, { email: "loja@example.com", name: "Rita Loja", role: "merchant" }),
    stranger: await createStoreUser(db, storeId, {
      email: "outra@example.com",
      name: "Outra Loja",
      role: "merchant",
      access: false,
    }),
    accountant: await createStoreUser(db, storeId, {
      email: "contabilista@example.com",
      name: "Carla Contas",
      role: "accountant",
    }),
  };
}

/** A pipeline harness for a store in normal mode, with the store's merchant and accountant and a stranger. */
export async function startStoreWithPeople() {
  const h = await startHarness({ settings: { testMode: false, vendusRegisterId: 101 } });
  return { h, ...(await createStorePeople(h.db, h.storeId)) };
}
