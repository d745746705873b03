"use server";
import { revalidatePath } from "next/cache";
import { can, type SessionUser } from "@/lib/access";
import { getSessionUser } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { fieldErrors } from "@/lib/form-errors";
import { newUserFormSchema, normaliseAccess, readAccessForm, userAccessSchema, type UserAccess } from "@/lib/user-admin";
import { hashPassword } from "@/lib/users";
import type { ActionResult } from "./result";

type Admin = { user: SessionUser } | { error: "unauthenticated" | "forbidden" };

async function requireAdmin(): Promise<Admin> {
  const user = await getSessionUser();
  if (!user) return { error: "unauthenticated" };
  return can(user, "users.manage") ? { user } : { error: "forbidden" };
}

async function existingStoreIds(ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  return (await db.store.count({ where: { id: { in: ids } } })) === ids.length;
}

function accessDetails(access: UserAccess) {
  return { role: access.role, allStores: access.allStores, storeIds: access.storeIds };
}

export async function createUserAccount(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireAdmin();
  if ("error" in admin) return admin;
  const parsed = newUserFormSchema.safeParse({
    ...readAccessForm(form),
    email: form.get("email"),
    name: form.get("name"),
    password: form.get("password"),
  });
  if (!parsed.success) return { error: "invalid", fields: fieldErrors(parsed.error) };
  const access = normaliseAccess(parsed.data);
  if ("error" in access) return { error: "invalid", fields: { storeIds: access.error } };
  if (!(await existingStoreIds(access.storeIds))) return { error: "invalid", fields: { storeIds: "store_required" } };
  if (await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } })) {
    return { error: "conflict", fields: { email: "email_taken" } };
  }

  const passwordHash = await hashPassword(parsed.data.password);
  await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email: parsed.data.email,
        name: parsed.data.name,
        passwordHash,
        role: access.role,
        allStores: access.allStores,
        access: { create: access.storeIds.map((storeId) => ({ storeId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: admin.user.id,
      action: "user.created",
      targetType: "user",
      targetId: created.id,
      details: { email: parsed.data.email, ...accessDetails(access) },
    });
  });
  revalidatePath("/settings");
  return { ok: true };
}

export async function updateUserAccess(userId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireAdmin();
  if ("error" in admin) return admin;
  const target = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, allStores: true, access: { select: { storeId: true } } },
  });
  if (!target) return { error: "not_found" };
  const parsed = userAccessSchema.safeParse(readAccessForm(form));
  if (!parsed.success) return { error: "invalid", fields: fieldErrors(parsed.error) };
  const access = normaliseAccess(parsed.data);
  if ("error" in access) return { error: "invalid", fields: { storeIds: access.error } };
  // An admin who demotes themselves could leave nobody able to manage users.
  if (userId === admin.user.id && access.role !== "admin") return { error: "self_lockout" };
  if (!(await existingStoreIds(access.storeIds))) return { error: "invalid", fields: { storeIds: "store_required" } };

  const before = { role: target.role, allStores: target.allStores, storeIds: target.access.map((a) => a.storeId).sort() };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role: access.role, allStores: access.allStores } });
    await tx.storeAccess.deleteMany({ where: { userId } });
    await tx.storeAccess.createMany({ data: access.storeIds.map((storeId) => ({ userId, storeId })) });
    await recordAudit(tx, {
      actorId: admin.user.id,
      action: "user.access_changed",
      targetType: "user",
      targetId: userId,
      details: { from: before, to: { ...accessDetails(access), storeIds: [...access.storeIds].sort() } },
    });
  });
  revalidatePath("/settings");
  return { ok: true };
}

export async function setUserActive(userId: string, active: boolean): Promise<ActionResult> {
  const admin = await requireAdmin();
  if ("error" in admin) return admin;
  if (userId === admin.user.id) return { error: "self_lockout" };
  const target = await db.user.findUnique({ where: { id: userId }, select: { active: true } });
  if (!target) return { error: "not_found" };
  if (target.active === active) return { ok: true };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active } });
    await recordAudit(tx, {
      actorId: admin.user.id,
      action: active ? "user.reactivated" : "user.deactivated",
      targetType: "user",
      targetId: userId,
    });
  });
  revalidatePath("/settings");
  return { ok: true };
}
