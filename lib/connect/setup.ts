// Step two of a store's setup: where its documents go in Vendus and how they are issued. The register and
// the payment method are checked against the store's own Vendus account, not just against the form.
import type { SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { checkStoreReadiness } from "@/lib/readiness/check";
import {
  applyStoreSettings,
  describeSettingsErrors,
  type SettingsErrors,
  type StoreSettingsInput,
} from "@/lib/store-settings";
import { loadStoreSecrets, saveStoreSettings, settingsOfRow, storeSettingsSelect } from "@/lib/stores";
import { hasVendusKey } from "./credentials";
import { failure, type ConnectFailure } from "./types";
import { authorizeSetup, readSetupLists, vendusClientFor, vendusFailure } from "./vendus-key";

/** Typed values from code, or the strings of a submitted form; either way read by the store-settings model. */
export type StoreSetupInput = Pick<
  StoreSettingsInput,
  "vendusRegisterId" | "documentType" | "vendusPaymentMethodId" | "defaultVatRate" | "oss" | "testMode" | "enabled"
>;

const invalidSettings = (errors: SettingsErrors) =>
  failure("invalid", `Some settings are not valid: ${describeSettingsErrors(errors)}`, errors);

export type FinishSetupResult = { ok: true; enabled: boolean } | ConnectFailure;

export async function finishStoreSetup(
  input: { user: SessionUser; storeId: string } & StoreSetupInput,
): Promise<FinishSetupResult> {
  const { user, storeId, ...raw } = input;
  const denied = await authorizeSetup(user, storeId);
  if (denied) return denied;
  const { credential, ...current } = await db.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { ...storeSettingsSelect, credential: { select: { vendusKeyHint: true } } },
  });
  if (!hasVendusKey(credential)) return failure("vendus_key_missing", "Paste the store's Vendus API key first.");
  // The step's choices, applied to the store's settings and checked by the model as a whole.
  const checked = applyStoreSettings(settingsOfRow(current), raw);
  if (!checked.ok) return invalidSettings(checked.errors);
  const setup = checked.settings;

  let lists;
  try {
    const { vendusApiKey } = await loadStoreSecrets(db, storeId);
    lists = await readSetupLists(vendusClientFor(vendusApiKey));
  } catch (error) {
    return vendusFailure(error);
  }
  const fields: Record<string, string> = {};
  if (!lists.registers.some((r) => r.id === setup.vendusRegisterId)) fields.vendusRegisterId = "register_unknown";
  if (setup.vendusPaymentMethodId !== null && !lists.paymentMethods.some((m) => m.id === setup.vendusPaymentMethodId)) {
    fields.vendusPaymentMethodId = "payment_method_unknown";
  }
  if (Object.keys(fields).length > 0) {
    return failure("invalid", "Choose a register and a payment method of this Vendus account.", fields);
  }

  const saved = await saveStoreSettings(db, storeId, raw, {
    actorId: user.id,
    action: "store.setup_completed",
  });
  if (!saved.ok) return invalidSettings(saved.errors);
  // The store page the admin lands on shows what is still missing (webhooks, test mode…).
  await checkStoreReadiness(db, storeId).catch((error: unknown) => console.error(`Readiness check failed: ${error}`));
  return { ok: true, enabled: saved.settings.enabled };
}
