// Who may see and do what. Every query and every server action asks this module; pages never build their
// own tenant filters. A store the user may not see is reported as "not found", never "forbidden", so
// that a merchant cannot learn which store ids exist.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

/** The signed-in user as re-read from the database on every request (see lib/auth.ts). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  allStores: boolean;
  locale: string;
}

/** The columns of a user row that make its SessionUser. */
export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  allStores: true,
  locale: true,
} satisfies Prisma.UserSelect;

export const capabilities = [
  "stores.view",
  "stores.settings",
  "jobs.retry",
  "credit-notes.issue",
  "saft.export",
  "month-close.refresh",
  "audit.view",
  "users.manage",
] as const;
export type Capability = (typeof capabilities)[number];

const grants: Record<Role, ReadonlySet<Capability>> = {
  admin: new Set(capabilities),
  accountant: new Set<Capability>([
    "stores.view",
    "jobs.retry",
    "credit-notes.issue",
    "saft.export",
    "month-close.refresh",
    "audit.view",
  ]),
  merchant: new Set<Capability>(["stores.view", "jobs.retry", "audit.view"]),
};

export function can(user: SessionUser, capability: Capability): boolean {
  return grants[user.role].has(capability);
}

/** True when the user sees every store, present and future. Merchants never do, whatever the flag says. */
export function seesAllStores(user: SessionUser): boolean {
  return user.role === "admin" || (user.role === "accountant" && user.allStores);
}

/** The stores the user may see, as a filter to put inside every store query. */
export function storesVisibleTo(user: SessionUser): Prisma.StoreWhereInput {
  return seesAllStores(user) ? {} : { access: { some: { userId: user.id } } };
}

/** A per-store table's stores: those the user may see, by name (then id, so that equal names keep their order). */
export function visibleStoresByName(user: SessionUser) {
  return { where: storesVisibleTo(user), orderBy: [{ name: "asc" }, { id: "asc" }] } satisfies Prisma.StoreFindManyArgs;
}

/** How a store is named in a table row: its id (for links), name and code. */
export const storeLabelSelect = { id: true, name: true, code: true } satisfies Prisma.StoreSelect;

/** The same filter for rows that belong to a store (orders, documents, jobs, deliveries…). */
export function storeScope(user: SessionUser): { store: Prisma.StoreWhereInput } {
  return { store: storesVisibleTo(user) };
}

/**
 * The same rule for hand-written SQL (the few list queries that join in one statement): a condition on the
 * given store id column. Kept next to storesVisibleTo so that both change together.
 */
export function storeScopeSql(user: SessionUser, storeIdColumn: Prisma.Sql): Prisma.Sql {
  return seesAllStores(user)
    ? Prisma.sql`TRUE`
    : Prisma.sql`${storeIdColumn} IN (SELECT "storeId" FROM "StoreAccess" WHERE "userId" = ${user.id})`;
}

/** Ids of the visible stores, for tables that keep a bare storeId without a relation (rejected deliveries). */
export async function visibleStoreIds(user: SessionUser): Promise<string[] | "all"> {
  if (seesAllStores(user)) return "all";
  const rows = await db.store.findMany({ where: storesVisibleTo(user), select: { id: true } });
  return rows.map((row) => row.id);
}

/** The store if the user may see it, otherwise null (which pages turn into a 404). */
export async function findVisibleStore(user: SessionUser, storeId: string) {
  return db.store.findFirst({
    where: { AND: [{ id: storeId }, storesVisibleTo(user)] },
    select: { id: true, name: true, code: true },
  });
}

export type StoreAuthorization =
  { store: { id: string; name: string; code: string } } | { error: "not_found" | "forbidden" };

/**
 * The check every store mutation starts with: the store must be visible (else not_found, exactly as if it
 * did not exist) and the user's role must allow the capability (else forbidden).
 */
export async function authorizeStore(
  user: SessionUser,
  storeId: string,
  capability: Capability,
): Promise<StoreAuthorization> {
  const store = await findVisibleStore(user, storeId);
  if (!store) return { error: "not_found" };
  if (!can(user, capability)) return { error: "forbidden" };
  return { store };
}
