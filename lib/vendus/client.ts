// The Cegid Vendus API v1.1 client. One instance per API key (a key belongs to one Vendus user).
//   const vendus = createVendusClient({ apiKey });
//   const doc = await vendus.createDocument(request);
// Every failure is a ServiceError(service "vendus") whose kind says what to do next (see errors.ts).
import { getEnv } from "@/lib/env";
import { accountApi, type VendusAccountApi } from "./account-api";
import { catalogApi, type VendusCatalogApi } from "./catalog-api";
import { clientsApi, type VendusClientsApi } from "./clients-api";
import { documentsApi, type VendusDocumentsApi } from "./documents-api";
import { createTransport } from "./http";
import type { VendusRateLimit } from "./rate-limit";

export interface VendusClientOptions {
  apiKey: string;
  /** Default VENDUS_API_URL, else https://www.vendus.pt/ws/v1.1/ (with or without the trailing slash). */
  baseUrl?: string;
  /** Per call, body included; default 15000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Extra attempts for GETs that fail transiently (5xx, network, timeout); default 2. */
  getRetries?: number;
  /** Pause before the n-th GET retry is n × this; default 500. */
  retryDelayMs?: number;
}

export interface VendusClient extends VendusAccountApi, VendusCatalogApi, VendusClientsApi, VendusDocumentsApi {
  /** The Rate-Limit-* headers of the last answer, if Vendus sent them. */
  lastRateLimit(): VendusRateLimit | null;
}

export function createVendusClient(options: VendusClientOptions): VendusClient {
  if (!options.apiKey) throw new Error("A Vendus API key is required");
  const transport = createTransport({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? getEnv().VENDUS_API_URL,
    timeoutMs: options.timeoutMs ?? 15_000,
    // Looked up per call, so that a fetch replaced after creation (test doubles) is honoured.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    getRetries: options.getRetries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 500,
  });
  return {
    ...accountApi(transport),
    ...catalogApi(transport),
    ...clientsApi(transport),
    ...documentsApi(transport),
    lastRateLimit: transport.lastRateLimit,
  };
}

export type { VendusRateLimit } from "./rate-limit";
export { readRateLimit } from "./rate-limit";
export type * from "./models";
