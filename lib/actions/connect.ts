"use server";
// The two steps of a store's setup. lib/connect parses, writes and audits (the same functions the tests and
// the CLI call, which check the store again); answers carry codes, hints and the Vendus lists, never a key
// or a token.
import { finishStoreSetup } from "@/lib/connect/setup";
import type { ConnectErrorCode } from "@/lib/connect/types";
import { saveVendusKey, type SetupOptions } from "@/lib/connect/vendus-key";
import { defineAction, storeById } from "./action";

export type ConnectActionError = { error: ConnectErrorCode; fields?: Record<string, string> };
export type VendusKeyState = ({ ok: true } & SetupOptions) | ConnectActionError | null;
export type StoreSetupState = ConnectActionError | null;

const text = (form: FormData, name: string): string | null => {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
};

const setupPages = (storeId: string) => [`/stores/connect/${storeId}`, `/stores/${storeId}`, "/stores"];

export const saveVendusKeyAction = defineAction({
  permission: "stores.settings",
  read: (storeId: string, _prev: VendusKeyState, form: FormData) => ({ storeId, apiKey: text(form, "apiKey") }),
  store: { via: "store", find: (raw) => storeById(raw.storeId) },
  run: async ({ user, found, input }): Promise<VendusKeyState> => {
    const result = await saveVendusKey({ user, storeId: found.storeId, apiKey: input.apiKey });
    return "error" in result ? { error: result.error, fields: result.fields } : result;
  },
  revalidate: ({ found }) => setupPages(found.storeId),
});

export const finishStoreSetupAction = defineAction({
  permission: "stores.settings",
  read: (storeId: string, _prev: StoreSetupState, form: FormData) => ({ storeId, form }),
  store: { via: "store", find: (raw) => storeById(raw.storeId) },
  // Success leaves the page (redirect below), so it answers no state.
  run: async ({ user, found, input: { form } }): Promise<StoreSetupState> => {
    const result = await finishStoreSetup({
      user,
      storeId: found.storeId,
      vendusRegisterId: text(form, "vendusRegisterId"),
      documentType: text(form, "documentType"),
      vendusPaymentMethodId: text(form, "vendusPaymentMethodId"),
      defaultVatRate: text(form, "defaultVatRate"),
      oss: text(form, "oss"),
      testMode: text(form, "testMode"),
      enabled: text(form, "enabled"),
    });
    return "error" in result ? { error: result.error, fields: result.fields } : null;
  },
  revalidate: ({ found }) => [...setupPages(found.storeId), "/"],
  redirect: ({ found }) => `/stores/${found.storeId}`,
});
