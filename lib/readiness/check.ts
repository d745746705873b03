// The readiness check against the live services: the store's Vendus key, account, register, payment method,
// document type, VAT rate and exemption; its Jumpseller credentials and webhooks. Read-only on both sides
// (never a register movement, never a hook created). The verdict is kept on the store, so the overview can
// say which stores are not ready, and why, without calling anyone.
import { webhookUrl } from "@/lib/connect/install-state";
import { jumpsellerClientForStore } from "@/lib/connect/store-client";
import { ponteWebhookEvents } from "@/lib/connect/webhooks";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isServiceError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JumpsellerClient } from "@/lib/jumpseller/client";
import { loadStoreSecrets, settingsOfRow, storeSettingsSelect } from "@/lib/stores";
import { createVendusClient, type VendusClient } from "@/lib/vendus/client";
import {
  evaluateReadiness,
  type JumpsellerFacts,
  type Readiness,
  type ServiceFailure,
  type VendusFacts,
} from "./evaluate";

export interface ReadinessDeps {
  vendus?: (apiKey: string) => VendusClient;
  jumpseller?: (db: Db, storeId: string) => Promise<JumpsellerClient>;
  now?: () => Date;
}

const timeoutMs = 10_000;

function failureOf(error: unknown): ServiceFailure {
  if (isServiceError(error)) {
    return { failure: error.kind === "auth" ? "refused" : "unavailable", detail: error.message };
  }
  return { failure: "unavailable", detail: error instanceof Error ? error.message : String(error) };
}

/** Vendus answers "No data" (404) for an empty list: an empty list, not a failure. */
async function listOrEmpty<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    if (isServiceError(error) && error.kind === "not_found") return [];
    throw error;
  }
}

async function readVendus(vendus: VendusClient, needsExemptions: boolean): Promise<VendusFacts | ServiceFailure> {
  try {
    const account = await vendus.getAccount();
    const [registers, paymentMethods, documentTypes, taxes, exemptions] = await Promise.all([
      listOrEmpty(() => vendus.listRegisters()),
      listOrEmpty(() => vendus.listPaymentMethods()),
      // Older accounts may not list document types: then no type is refused on that ground.
      vendus.listDocumentTypes({ visibleFinalize: true }).then(
        (types) => types.map((t) => t.id),
        () => null,
      ),
      listOrEmpty(() => vendus.listTaxes()),
      needsExemptions ? listOrEmpty(() => vendus.listExemptions()) : Promise.resolve([]),
    ]);
    return { account, registers, paymentMethods, documentTypes, taxes, exemptions };
  } catch (error) {
    return failureOf(error);
  }
}

async function readJumpseller(client: JumpsellerClient): Promise<JumpsellerFacts | ServiceFailure> {
  try {
    const info = await client.getStoreInfo();
    const hooks = [];
    for (let page = 1; page <= 20; page += 1) {
      const rows = await client.listHooks({ page, limit: 100 });
      hooks.push(...rows.map((h) => ({ event: h.event, url: h.url })));
      if (rows.length < 100) break;
    }
    // The latest paid orders, for the shipping-VAT check; a store without any (or a refusal) skips it.
    const recentPaidOrders = await client.listOrdersByStatus("paid", { page: 1, limit: 50 }).catch(() => undefined);
    return {
      info: { code: info.code, name: info.name, currency: info.currency, hooksToken: info.hooks_token },
      hooks,
      recentPaidOrders,
    };
  } catch (error) {
    return failureOf(error);
  }
}

/** Runs every check for one store, keeps the verdict on the store and returns it. */
export async function checkStoreReadiness(db: Db, storeId: string, deps: ReadinessDeps = {}): Promise<Readiness> {
  const row = await db.store.findUniqueOrThrow({
    where: { id: storeId },
    select: {
      ...storeSettingsSelect,
      code: true,
      credential: { select: { vendusKeyHint: true, jumpsellerAuth: true } },
    },
  });
  const { code, credential, ...settingsRow } = row;
  const settings = settingsOfRow(settingsRow);
  const secrets = credential ? await loadStoreSecrets(db, storeId) : null;
  const hasVendusKey = Boolean(credential?.vendusKeyHint && secrets?.vendusApiKey);

  const vendusFor =
    deps.vendus ??
    ((apiKey: string) => createVendusClient({ apiKey, baseUrl: getEnv().VENDUS_API_URL, getRetries: 0, timeoutMs }));
  const jumpsellerFor = deps.jumpseller ?? jumpsellerClientForStore;
  const [vendus, jumpseller] = await Promise.all([
    hasVendusKey && secrets ? readVendus(vendusFor(secrets.vendusApiKey), settings.defaultVatRate === 0) : null,
    credential ? jumpsellerFor(db, storeId).then(readJumpseller, failureOf) : null,
  ]);

  const readiness = evaluateReadiness(
    {
      store: {
        code,
        settings,
        hasVendusKey,
        jumpsellerAuth: credential?.jumpsellerAuth ?? null,
        hooksToken: secrets?.hooksToken ?? null,
      },
      vendus,
      jumpseller,
      webhookUrl: webhookUrl(),
      webhookEvents: ponteWebhookEvents,
      clientSecretConfigured: Boolean(getEnv().JUMPSELLER_CLIENT_SECRET),
    },
    deps.now?.() ?? new Date(),
  );
  await db.store.update({
    where: { id: storeId },
    data: {
      readiness: readiness as unknown as Prisma.InputJsonValue,
      readinessCheckedAt: new Date(readiness.checkedAt),
    },
  });
  return readiness;
}
