// A Vendus client for a store already in the database, with its own API key, opened on the server right
// before the call. The address comes from VENDUS_API_URL (the simulator in tests and local runs).
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { loadStoreSecrets } from "@/lib/stores";
import { createVendusClient, type VendusClient } from "./client";

export async function vendusClientForStore(
  db: Db,
  storeId: string,
  options: { timeoutMs?: number } = {},
): Promise<VendusClient> {
  const { vendusApiKey } = await loadStoreSecrets(db, storeId);
  return createVendusClient({ apiKey: vendusApiKey, baseUrl: getEnv().VENDUS_API_URL, timeoutMs: options.timeoutMs });
}
