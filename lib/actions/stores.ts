"use server";
import { after } from "next/server";
import { db } from "@/lib/db";
import { checkStoreReadiness } from "@/lib/readiness/check";
import { readSettingsForm, type StoreSettingsField } from "@/lib/store-settings";
import { saveStoreSettings } from "@/lib/stores";
import { defineAction, storeById } from "./action";
import type { ActionResult } from "./result";

// The fields of the store page's settings form (components/stores/store-settings-form.tsx).
const formFields: StoreSettingsField[] = [
  "enabled",
  "oss",
  "testMode",
  "autoCreditNote",
  "vendusRegisterId",
  "vendusPaymentMethodId",
  "documentType",
  "defaultVatRate",
  "exemptionCode",
  "exemptionLaw",
  "invalidNifPolicy",
  "invalidVatNumberPolicy",
  "shippingVat",
  "viesCheck",
  "notificationEmails",
];

/** The store page's settings form. The settings model parses and refuses the values (lib/store-settings.ts). */
export const updateStoreSettings = defineAction({
  permission: "stores.settings",
  read: (storeId: string, _prev: ActionResult, form: FormData) => ({
    storeId,
    values: readSettingsForm(form, formFields),
  }),
  store: { via: "store", find: (raw) => storeById(raw.storeId) },
  run: async ({ user, found, input }): Promise<ActionResult> => {
    const saved = await saveStoreSettings(db, found.storeId, input.values, { actorId: user.id });
    if (!saved.ok) return { error: "invalid", fields: saved.errors };
    if (Object.keys(saved.changed).length > 0) {
      // Checked again against Vendus and Jumpseller once the answer is sent; the overview shows the new verdict.
      after(() =>
        checkStoreReadiness(db, found.storeId).catch((error: unknown) =>
          console.error(`Readiness check failed: ${error}`),
        ),
      );
    }
    return { ok: true };
  },
  revalidate: ({ found }) => [`/stores/${found.storeId}`, "/stores", "/"],
});
