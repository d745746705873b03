"use server";
// The two steps of a store's setup. Each action: authenticate here; authorize, parse, write and audit in
// lib/connect (the same functions the tests call); revalidate here. Answers carry codes, hints and the
// Vendus lists, never a key or a token.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth";
import { finishStoreSetup } from "@/lib/connect/setup";
import type { ConnectErrorCode } from "@/lib/connect/types";
import { saveVendusKey, type SetupOptions } from "@/lib/connect/vendus-key";

export type ConnectActionError = { error: ConnectErrorCode; fields?: Record<string, string> };
export type VendusKeyState = ({ ok: true } & SetupOptions) | ConnectActionError | null;
export type StoreSetupState = ConnectActionError | null;

const text = (form: FormData, name: string): string | null => {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
};

export async function saveVendusKeyAction(storeId: string, _prev: VendusKeyState, form: FormData): Promise<VendusKeyState> {
  const user = await getSessionUser();
  if (!user) return { error: "unauthenticated" };
  const result = await saveVendusKey({ user, storeId, apiKey: text(form, "apiKey") });
  if ("error" in result) return { error: result.error, fields: result.fields };
  revalidatePath(`/stores/connect/${storeId}`);
  revalidatePath(`/stores/${storeId}`);
  revalidatePath("/stores");
  return result;
}

export async function finishStoreSetupAction(storeId: string, _prev: StoreSetupState, form: FormData): Promise<StoreSetupState> {
  const user = await getSessionUser();
  if (!user) return { error: "unauthenticated" };
  const result = await finishStoreSetup({
    user,
    storeId,
    registerId: text(form, "registerId"),
    documentType: text(form, "documentType"),
    paymentMethodId: text(form, "paymentMethodId"),
    defaultVatRate: text(form, "defaultVatRate"),
    oss: text(form, "oss"),
    testMode: text(form, "testMode"),
    enabled: text(form, "enabled"),
  });
  if ("error" in result) return { error: result.error, fields: result.fields };
  revalidatePath(`/stores/connect/${storeId}`);
  revalidatePath(`/stores/${storeId}`);
  revalidatePath("/stores");
  revalidatePath("/");
  redirect(`/stores/${storeId}`);
}
