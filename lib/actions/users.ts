"use server";
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { fieldErrors } from "@/lib/form-errors";
import { sendResetLink } from "@/lib/password-reset";
import { endSessions } from "@/lib/sessions";
import {
  newUserFormSchema,
  normaliseAccess,
  readAccessForm,
  userAccessSchema,
  type UserAccess,
} from "@/lib/user-admin";
import { hashPassword } from "@/lib/users";
import { defineAction } from "./action";
import type { ActionResult } from "./result";

async function existingStoreIds(ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  return (await db.store.count({ where: { id: { in: ids } } })) === ids.length;
}

function accessDetails(access: UserAccess) {
  return { role: access.role, allStores: access.allStores, storeIds: access.storeIds };
}

/** What every user-administration action shares: admins only, about no store. */
const adminOnly = { permission: "users.manage", store: { via: "none" } } as const;

export const createUserAccount = defineAction({
  ...adminOnly,
  read: (_prev: ActionResult, form: FormData) => ({
    ...readAccessForm(form),
    email: form.get("email"),
    name: form.get("name"),
    password: form.get("password"),
  }),
  input: newUserFormSchema,
  run: async ({ input, audit }): Promise<ActionResult> => {
    const access = normaliseAccess(input);
    if ("error" in access) return { error: "invalid", fields: { storeIds: access.error } };
    if (!(await existingStoreIds(access.storeIds))) return { error: "invalid", fields: { storeIds: "store_required" } };
    if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      return { error: "conflict", fields: { email: "email_taken" } };
    }

    const passwordHash = await hashPassword(input.password);
    await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          role: access.role,
          allStores: access.allStores,
          access: { create: access.storeIds.map((storeId) => ({ storeId })) },
        },
        select: { id: true },
      });
      await audit(
        {
          action: "user.created",
          targetType: "user",
          targetId: created.id,
          details: { email: input.email, ...accessDetails(access) },
        },
        tx,
      );
    });
    return { ok: true };
  },
  revalidate: () => ["/settings"],
});

export const updateUserAccess = defineAction({
  ...adminOnly,
  read: (userId: string, _prev: ActionResult, form: FormData) => ({ userId, ...readAccessForm(form) }),
  input: userAccessSchema.extend({ userId: z.string().min(1).max(64) }),
  invalid: (error) =>
    error.issues.some((issue) => issue.path[0] === "userId")
      ? { error: "not_found" }
      : { error: "invalid", fields: fieldErrors(error) },
  run: async ({ user, input: { userId, ...form }, audit }): Promise<ActionResult> => {
    const target = await db.user.findUnique({
      where: { id: userId },
      select: { role: true, allStores: true, access: { select: { storeId: true } } },
    });
    if (!target) return { error: "not_found" };
    const access = normaliseAccess(form);
    if ("error" in access) return { error: "invalid", fields: { storeIds: access.error } };
    // An admin who demotes themselves could leave nobody able to manage users.
    if (userId === user.id && access.role !== "admin") return { error: "self_lockout" };
    if (!(await existingStoreIds(access.storeIds))) return { error: "invalid", fields: { storeIds: "store_required" } };

    const before = {
      role: target.role,
      allStores: target.allStores,
      storeIds: target.access.map((a) => a.storeId).sort(),
    };
    const after = { ...accessDetails(access), storeIds: [...access.storeIds].sort() };
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true };
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { role: access.role, allStores: access.allStores } });
      await tx.storeAccess.deleteMany({ where: { userId } });
      await tx.storeAccess.createMany({ data: access.storeIds.map((storeId) => ({ userId, storeId })) });
      // The user signs in again under the new role and access, on every device.
      await endSessions(tx, userId);
      await audit(
        { action: "user.access_changed", targetType: "user", targetId: userId, details: { from: before, to: after } },
        tx,
      );
    });
    return { ok: true };
  },
  revalidate: () => ["/settings"],
});

export const setUserActive = defineAction({
  ...adminOnly,
  read: (userId: string, active: boolean) => ({ userId, active }),
  input: z.object({ userId: z.string().min(1).max(64), active: z.boolean() }),
  invalid: () => ({ error: "invalid" }),
  run: async ({ user, input: { userId, active }, audit }): Promise<ActionResult> => {
    if (userId === user.id) return { error: "self_lockout" };
    const target = await db.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!target) return { error: "not_found" };
    if (target.active === active) return { ok: true };
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { active } });
      // Sessions opened before a deactivation stay ended after a reactivation.
      if (!active) await endSessions(tx, userId);
      await audit(
        { action: active ? "user.reactivated" : "user.deactivated", targetType: "user", targetId: userId },
        tx,
      );
    });
    return { ok: true };
  },
  revalidate: () => ["/settings"],
});

/** E-mails the user a link to set their password (a new account, or a forgotten password). */
export const sendPasswordResetLink = defineAction({
  ...adminOnly,
  read: (userId: string) => ({ userId }),
  input: z.object({ userId: z.string().min(1).max(64) }),
  invalid: () => ({ error: "not_found" }),
  run: async ({ user, input: { userId }, audit }): Promise<ActionResult> => {
    const target = await db.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, locale: true, active: true },
    });
    if (!target) return { error: "not_found" };
    if (!target.active) return { error: "user_inactive" };
    try {
      await sendResetLink(db, target, { publicUrl: getEnv().NEXTAUTH_URL, sentBy: { id: user.id, name: user.name } });
    } catch (error) {
      console.error(`Password-reset e-mail to user ${target.id} not sent: ${String(error)}`);
      return { error: "email_failed" };
    }
    await audit({
      action: "user.reset_link_sent",
      targetType: "user",
      targetId: userId,
      details: { email: target.email },
    });
    return { ok: true };
  },
});
