"use server";
import { revalidatePath } from "next/cache";
import { authorizeStore } from "@/lib/access";
import { getSessionUser } from "@/lib/auth";
import { changedFields, recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { fieldErrors } from "@/lib/form-errors";
import { parseStoreSettingsForm } from "@/lib/store-settings";
import type { ActionResult } from "./result";

const settingsSelect = {
  enabled: true,
  oss: true,
  testMode: true,
  autoCreditNote: true,
  vendusRegisterId: true,
  vendusPaymentMethodId: true,
  documentType: true,
  defaultVatRate: true,
  exemptionCode: true,
  exemptionLaw: true,
  invalidNifPolicy: true,
  notificationEmails: true,
} as const;

export async function updateStoreSettings(storeId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return { error: "unauthenticated" };
  const access = await authorizeStore(user, storeId, "stores.settings");
  if ("error" in access) return { error: access.error };
  const parsed = parseStoreSettingsForm(form);
  if (!parsed.success) return { error: "invalid", fields: fieldErrors(parsed.error) };

  const current = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: settingsSelect });
  const changes = changedFields({ ...current, defaultVatRate: Number(current.defaultVatRate) }, parsed.data);
  if (Object.keys(changes).length === 0) return { ok: true };

  await db.$transaction(async (tx) => {
    await tx.store.update({ where: { id: storeId }, data: parsed.data });
    await recordAudit(tx, {
      actorId: user.id,
      storeId,
      action: "store.settings_updated",
      targetType: "store",
      targetId: storeId,
      details: { changed: JSON.parse(JSON.stringify(changes)) },
    });
  });
  revalidatePath(`/stores/${storeId}`);
  revalidatePath("/stores");
  revalidatePath("/");
  return { ok: true };
}
