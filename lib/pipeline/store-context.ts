// A store's settings as the invoicing engine wants them, and the Vendus register its documents go to.
import type { Store } from "@/lib/generated/prisma/client";
import type { InvoiceContext, Region } from "@/lib/invoicing";
import type { VendusClient } from "@/lib/vendus/client";
import type { VendusMode } from "@/lib/vendus/types";
import type { PipelineServices } from "./services";
import { DataProblem } from "./errors";

export function documentMode(store: Pick<Store, "testMode">): VendusMode {
  return store.testMode ? "tests" : "normal";
}

function paymentMethodMap(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, id]) => typeof id === "number" && Number.isInteger(id),
  );
  return entries.length ? (Object.fromEntries(entries) as Record<string, number>) : undefined;
}

export function invoiceContextFor(store: Store, registerId: number): InvoiceContext {
  if (store.documentType !== "FT" && store.documentType !== "FR") {
    throw new DataProblem(
      "document_type",
      `Ponte issues FT or FR documents; the store is set to ${store.documentType}.`,
      "validation",
      { documentType: store.documentType },
    );
  }
  return {
    storeId: store.id,
    storeCode: store.code,
    registerId,
    documentType: store.documentType,
    paymentMethodId: store.vendusPaymentMethodId ?? undefined,
    paymentMethodMap: paymentMethodMap(store.paymentMethodMap),
    defaultVatRate: Number(store.defaultVatRate),
    oss: store.oss,
    region: store.vendusRegion as Region,
    exemption:
      store.exemptionCode && store.exemptionLaw ? { code: store.exemptionCode, law: store.exemptionLaw } : undefined,
    testMode: store.testMode,
    shippingTitle: store.shippingTitle,
    nifFieldLabel: store.nifFieldLabel,
    invalidNifPolicy: store.invalidNifPolicy,
    invalidVatNumberPolicy: store.invalidVatNumberPolicy,
    shippingVat: store.shippingVat,
    viesRequired: store.viesCheck,
  };
}

/**
 * The register documents are issued on. When the store names none, the account's first active API register
 * of the right mode is chosen once and saved, so later orders do not ask Vendus again.
 */
export async function resolveRegisterId(
  services: PipelineServices,
  store: Store,
  vendus: VendusClient,
): Promise<number> {
  if (store.vendusRegisterId) return store.vendusRegisterId;
  const registers = (await vendus.listRegisters({ type: "api" })).filter((r) => r.isActive);
  const mode = documentMode(store);
  const chosen = registers.find((r) => r.mode === mode) ?? registers[0];
  if (!chosen) {
    throw new DataProblem(
      "no_register",
      "The Vendus account has no active API register. Create one in Vendus (type API) and choose it in the store's settings.",
      "validation",
    );
  }
  await services.db.store.updateMany({
    where: { id: store.id, vendusRegisterId: null },
    data: { vendusRegisterId: chosen.id },
  });
  return chosen.id;
}
