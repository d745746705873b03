"use server";
// "Check connection" on a store's page: the readiness check against Vendus and Jumpseller, read-only on both
// sides, for anyone who may see the store. The verdict is kept on the store (the overview shows it).
import { db } from "@/lib/db";
import { checkStoreReadiness } from "@/lib/readiness/check";
import type { Readiness } from "@/lib/readiness/evaluate";
import { defineAction, storeById } from "./action";
import type { ActionError } from "./result";

export type CheckConnectionState = { ok: true; readiness: Readiness } | { error: ActionError } | null;

export const checkStoreConnection = defineAction({
  permission: "stores.view",
  read: (storeId: string) => ({ storeId }),
  store: { via: "store", find: (raw) => storeById(raw.storeId) },
  run: async ({ found }): Promise<CheckConnectionState> => ({
    ok: true,
    readiness: await checkStoreReadiness(db, found.storeId),
  }),
  revalidate: ({ found }) => [`/stores/${found.storeId}`, "/"],
});
