// Users and their store access. Passwords are hashed with bcrypt, at the configured cost (12 unless
// PONTE_PASSWORD_HASH_COST says otherwise); a hash keeps its own cost, so a change applies to new passwords.
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "./db";
import { getEnv } from "./env";
import type { Role } from "./generated/prisma/enums";

export const roles = ["admin", "accountant", "merchant"] as const satisfies readonly Role[];

export const newUserSchema = z.object({
  email: z.email().transform((v) => v.trim().toLowerCase()),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(10, "must be at least 10 characters").max(200),
  role: z.enum(roles),
  allStores: z.boolean().default(false),
  storeIds: z.array(z.string()).default([]),
  locale: z.enum(["pt-PT", "en"]).default("pt-PT"),
});
export type NewUser = z.input<typeof newUserSchema>;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, getEnv().PONTE_PASSWORD_HASH_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

export async function createUser(db: Db, input: NewUser) {
  const data = newUserSchema.parse(input);
  // Only admins and accountants may be given every store; a merchant always has an explicit list.
  const allStores = data.role === "merchant" ? false : data.role === "admin" ? true : data.allStores;
  return db.user.create({
    data: {
      email: data.email,
      name: data.name,
      role: data.role,
      allStores,
      locale: data.locale,
      passwordHash: await hashPassword(data.password),
      access: { create: data.storeIds.map((storeId) => ({ storeId })) },
    },
    select: { id: true, email: true, name: true, role: true, allStores: true },
  });
}
