// Validation for the admin's user forms (kept apart from the actions so that it can be tested alone).
import { z } from "zod";
import { roles } from "@/lib/users";
import { readYesNo } from "@/lib/yes-no";

// An unchecked checkbox sends nothing: anything but a "yes" is "no".
const checkbox = z.preprocess((v) => readYesNo(v) ?? false, z.boolean());

export const userAccessSchema = z.object({
  role: z.enum(roles),
  allStores: checkbox,
  storeIds: z.array(z.string().min(1).max(40)).max(500),
});
export type UserAccess = z.infer<typeof userAccessSchema>;

export const newUserFormSchema = userAccessSchema.extend({
  email: z.string().trim().toLowerCase().pipe(z.email("email_format")),
  name: z.string().trim().min(1, "required").max(120),
  password: z.string().min(10, "password_too_short").max(200),
});

export function readAccessForm(form: FormData) {
  return {
    role: form.get("role"),
    allStores: form.get("allStores") ?? undefined,
    storeIds: form.getAll("storeIds").filter((v): v is string => typeof v === "string"),
  };
}

/**
 * What the role actually grants: admins always see every store; merchants never do and must be given at
 * least one store; accountants either see all stores or the listed ones.
 */
export function normaliseAccess(access: UserAccess): UserAccess | { error: "store_required" } {
  if (access.role === "admin") return { role: "admin", allStores: true, storeIds: [] };
  const allStores = access.role === "accountant" && access.allStores;
  const storeIds = allStores ? [] : [...new Set(access.storeIds)];
  if (!allStores && storeIds.length === 0) return { error: "store_required" };
  return { role: access.role, allStores, storeIds };
}
