// Step two of a store's setup: where its documents go in Vendus and how they are issued. The register and
// the payment method are checked against the store's own Vendus account, not just against the form.
import { z } from "zod";
import type { SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { fieldErrors } from "@/lib/form-errors";
import type { Region } from "@/lib/invoicing/types";
import { REGION_RATES, isRegionRate } from "@/lib/invoicing/vat";
import { loadStoreSecrets } from "@/lib/stores";
import { hasVendusKey } from "./credentials";
import { failure, type ConnectFailure } from "./types";
import { authorizeSetup, readSetupLists, vendusClientFor, vendusFailure } from "./vendus-key";

// Accepts both typed values and what an HTML form sends ("on", "12", "").
const flag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const id = z.coerce.number().int("must_be_integer").positive("must_be_positive").max(2_147_483_647);

export const storeSetupSchema = z
  .object({
    registerId: id,
    // Simplified invoices (FS) are for small counter sales; online orders get FT or FR.
    documentType: z.enum(["FT", "FR"]),
    paymentMethodId: z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable()),
    defaultVatRate: z.coerce.number().min(0, "vat_range").max(100, "vat_range"),
    oss: flag,
    testMode: flag,
    enabled: flag,
  })
  .superRefine((s, ctx) => {
    // A fatura-recibo records the payment, so Vendus must know which payment method to book it to.
    if (s.documentType === "FR" && s.paymentMethodId === null) {
      ctx.addIssue({ code: "custom", path: ["paymentMethodId"], message: "payment_method_required" });
    }
  });
export type StoreSetup = z.output<typeof storeSetupSchema>;

/** Typed values from code, or the strings of a submitted form; either way parsed by storeSetupSchema. */
export interface StoreSetupInput {
  registerId: number | string | null;
  documentType: string | null;
  paymentMethodId?: number | string | null;
  defaultVatRate: number | string | null;
  oss: boolean | string | null;
  testMode: boolean | string | null;
  enabled: boolean | string | null;
}

export type FinishSetupResult = { ok: true; enabled: boolean } | ConnectFailure;

export async function finishStoreSetup(input: { user: SessionUser; storeId: string } & StoreSetupInput): Promise<FinishSetupResult> {
  const { user, storeId, ...raw } = input;
  const denied = await authorizeSetup(user, storeId);
  if (denied) return denied;
  const parsed = storeSetupSchema.safeParse(raw);
  if (!parsed.success) return failure("invalid", "Some settings are not valid.", fieldErrors(parsed.error));
  const setup = parsed.data;

  const store = await db.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { vendusRegion: true, credential: { select: { vendusKeyHint: true } } },
  });
  if (!hasVendusKey(store.credential)) return failure("vendus_key_missing", "Paste the store's Vendus API key first.");
  const region = store.vendusRegion as Region;
  // The default rate must exist where the Vendus account is (0 % needs an exemption reason, set in settings).
  if (!isRegionRate(region, setup.defaultVatRate)) {
    const rates = Object.values(REGION_RATES[region]).join(", ");
    return failure("invalid", `The default VAT rate must be one of ${rates} % for this Vendus account.`, { defaultVatRate: "vat_not_regional" });
  }

  let lists;
  try {
    const { vendusApiKey } = await loadStoreSecrets(db, storeId);
    lists = await readSetupLists(vendusClientFor(vendusApiKey));
  } catch (error) {
    return vendusFailure(error);
  }
  const fields: Record<string, string> = {};
  if (!lists.registers.some((r) => r.id === setup.registerId)) fields.registerId = "register_unknown";
  if (setup.paymentMethodId !== null && !lists.paymentMethods.some((m) => m.id === setup.paymentMethodId)) {
    fields.paymentMethodId = "payment_method_unknown";
  }
  if (Object.keys(fields).length > 0) {
    return failure("invalid", "Choose a register and a payment method of this Vendus account.", fields);
  }

  const data = {
    vendusRegisterId: setup.registerId,
    documentType: setup.documentType,
    vendusPaymentMethodId: setup.paymentMethodId,
    defaultVatRate: setup.defaultVatRate,
    oss: setup.oss,
    testMode: setup.testMode,
    enabled: setup.enabled,
  };
  await db.$transaction(async (tx) => {
    await tx.store.update({ where: { id: storeId }, data });
    await tx.auditEvent.create({
      data: { actorId: user.id, storeId, action: "store.setup_completed", targetType: "store", targetId: storeId, details: data },
    });
  });
  return { ok: true, enabled: setup.enabled };
}
