// Users a test signs in as: a merchant or accountant of one store (or one without access to it), with the
// session Ponte gives them.
import { sessionUserSelect, type SessionUser } from "@/lib/access";
import type { Db } from "@/lib/db";

export async function createStoreUser(
  db: Db,
  storeId: string,
  user: { email: string; name?: string; role: "merchant" | "accountant"; access?: boolean },
): Promise<SessionUser> {
  return db.user.create({
    data: {
      email: user.email,
      name: user.name ?? user.email.split("@")[0]!,
      passwordHash: "x",
      role: user.role,
      locale: "pt-PT",
      ...(user.access === false ? {} : { access: { create: { storeId } } }),
    },
    select: sessionUserSelect,
  });
}
