// User management reads, for admins only.
import { can, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";

export class ForbiddenError extends Error {
  constructor() {
    super("Not allowed");
    this.name = "ForbiddenError";
  }
}

export async function listUsers(user: SessionUser) {
  if (!can(user, "users.manage")) throw new ForbiddenError();
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      allStores: true,
      active: true,
      lastSignInAt: true,
      access: { select: { store: { select: { id: true, name: true } } } },
    },
  });
}
export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
