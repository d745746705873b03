// What the pipeline's steps need for one store: its settings, and Jumpseller and Vendus clients built with
// its secrets. Secrets are opened here, on the server, right before use, and never leave this module.
import { db as defaultDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Store } from "@/lib/generated/prisma/client";
import { createJumpsellerClient, type JumpsellerClient } from "@/lib/jumpseller/client";
import { refreshTokens } from "@/lib/jumpseller/oauth";
import { freshStoreTokens } from "@/lib/jumpseller/store-tokens";
import { nodeFetch } from "@/lib/node-fetch";
import { answerNotingFetch } from "@/lib/outages/answers";
import { loadStoreSecrets, type StoreSecrets } from "@/lib/stores";
import { createVendusClient, type VendusClient } from "@/lib/vendus/client";
import { createViesClient, type ViesClient } from "@/lib/vies/client";
import { DataProblem } from "./errors";

export interface StoreServices {
  store: Store;
  jumpseller: JumpsellerClient;
  vendus: VendusClient;
}

export interface PipelineServices {
  db: Db;
  /** Ponte's public address, for links that leave Ponte (the PDF link on a Jumpseller order). */
  publicUrl: string;
  /**
   * The store's settings and clients. Given the store's row version (storeVersionOf, read in the step's first
   * query), services loaded earlier for that same version are reused: the store is not read and its secrets
   * not opened again until its settings or credentials change.
   */
  forStore(storeId: string, version?: string | null): Promise<StoreServices>;
  /** The EU's VIES service (only for stores that confirm VAT numbers). */
  vies(): ViesClient;
}

export interface PipelineServicesOptions {
  db?: Db;
  publicUrl?: string;
  vendusApiUrl?: string;
  jumpsellerApiUrl?: string;
  jumpsellerAuthUrl?: string;
  viesApiUrl?: string;
  /** Per Vendus call. A POST that times out is looked up before it is sent again, never blindly repeated. */
  vendusTimeoutMs?: number;
  /** The HTTP client of the Vendus and Jumpseller calls (nodeFetch unless given). */
  fetch?: typeof fetch;
}

function jumpsellerAuth(db: Db, storeId: string, secrets: StoreSecrets, authUrl: string) {
  const js = secrets.jumpseller;
  if (js.kind === "private") return { kind: "private" as const, login: js.login, authtoken: js.authtoken };
  let tokens = { accessToken: js.accessToken, refreshToken: js.refreshToken, expiresAt: js.expiresAt };
  return {
    kind: "oauth" as const,
    getAccessToken: async () => {
      const env = getEnv();
      // Serialised per store across processes (lib/jumpseller/store-tokens.ts): one refresh call, and every
      // caller gets the pair it saved.
      tokens = await freshStoreTokens(db, storeId, tokens, {
        refresh: (refreshToken) => {
          if (!env.JUMPSELLER_CLIENT_ID || !env.JUMPSELLER_CLIENT_SECRET) {
            throw new DataProblem(
              "oauth_not_configured",
              "The store's Jumpseller access expired and JUMPSELLER_CLIENT_ID/SECRET are not set.",
              "auth",
            );
          }
          return refreshTokens({
            refreshToken,
            clientId: env.JUMPSELLER_CLIENT_ID,
            clientSecret: env.JUMPSELLER_CLIENT_SECRET,
            authUrl,
          });
        },
      });
      return tokens.accessToken;
    },
  };
}

export function createPipelineServices(options: PipelineServicesOptions = {}): PipelineServices {
  const db = options.db ?? defaultDb;
  const env = () => getEnv();
  // Per store, the services of its latest version seen. An entry is only ever at least as new as its version
  // (read before the load), so a version read later that differs loads again.
  const byVersion = new Map<string, { version: string; value: Promise<StoreServices> }>();
  const load = async (storeId: string): Promise<StoreServices> => {
    const store = await db.store.findUnique({ where: { id: storeId } });
    if (!store) throw new DataProblem("store_missing", `Store ${storeId} no longer exists.`, "not_found");
    const secrets = await loadStoreSecrets(db, storeId);
    const jumpseller = createJumpsellerClient({
      auth: jumpsellerAuth(db, storeId, secrets, options.jumpsellerAuthUrl ?? env().JUMPSELLER_AUTH_URL),
      baseUrl: options.jumpsellerApiUrl ?? env().JUMPSELLER_API_URL,
      fetch: answerNotingFetch("jumpseller", options.fetch ?? nodeFetch),
    });
    const vendus = createVendusClient({
      apiKey: secrets.vendusApiKey,
      baseUrl: options.vendusApiUrl ?? env().VENDUS_API_URL,
      timeoutMs: options.vendusTimeoutMs,
      fetch: answerNotingFetch("vendus", options.fetch ?? nodeFetch),
      // The pipeline decides about retries (Inngest's backoff); a rate-limited key must not be hammered.
      getRetries: 0,
    });
    return { store, jumpseller, vendus };
  };
  return {
    db,
    get publicUrl() {
      return (options.publicUrl ?? env().NEXTAUTH_URL).replace(/\/+$/, "");
    },
    vies() {
      return createViesClient({ baseUrl: options.viesApiUrl ?? env().VIES_API_URL });
    },
    forStore(storeId, version) {
      if (!version) return load(storeId);
      const known = byVersion.get(storeId);
      if (known?.version === version) return known.value;
      const value = load(storeId);
      byVersion.set(storeId, { version, value });
      // A failed load is not kept: the next step loads again.
      value.catch(() => {
        if (byVersion.get(storeId)?.value === value) byVersion.delete(storeId);
      });
      return value;
    },
  };
}

let shared: PipelineServices | null = null;

/** The services the Inngest functions use, built from the environment on first use. */
export function pipelineServices(): PipelineServices {
  shared ??= createPipelineServices();
  return shared;
}

/** Tests and the local runner may point the functions at other services. */
export function setPipelineServices(services: PipelineServices | null): void {
  shared = services;
}
