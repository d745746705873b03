// One way to write a server action. Every action in lib/actions is built by defineAction, which runs the same
// steps in the same order: sign-in → permission → store scope → input parsing → the work → audit, then the
// pages to refresh. An action only says which permission it needs, how its store is found, how its input is
// parsed, and what it does. A store the user may not see answers not_found, exactly as if it did not exist,
// before any permission is told (see lib/access.ts).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { authorizeStore, can, type Capability, type SessionUser } from "@/lib/access";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import { getSessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { fieldErrors } from "@/lib/form-errors";

/** The failures every action may answer, whatever it does. */
export type ActionFailure = {
  error: "unauthenticated" | "not_found" | "forbidden" | "invalid";
  fields?: Record<string, string>;
};

/** A capability on the action's store(s); "signed-in": any signed-in user; "anyone": works signed out too. */
export type Permission = Capability | "signed-in" | "anyone";

type UserFor<P extends Permission> = P extends "anyone" ? SessionUser | null : SessionUser;

/** The store an action acts on, as authorized: null when it acts on no store or across the visible ones. */
export type AuthorizedStore = { id: string; name: string; code: string } | null;

/**
 * How the action finds its store.
 * - "none": not about a store (the user's own profile, user administration).
 * - "visible-stores": across every store the user sees; the work scopes its queries with storeScope(user).
 * - "store", "job", "document": one store, given or found through a row. `find` returns it (or the row,
 *   with its storeId), null when there is none; the user must see that store and hold the permission there.
 *   A storeId of null is an optional store left out: the action then works across the visible stores.
 */
export type StoreLookup<Raw, Found> =
  | { via: "none" | "visible-stores" }
  | { via: "store" | "job" | "document"; find: (raw: Raw, user: SessionUser) => Promise<Found | null> };

export interface ActionContext<P extends Permission, Found, Input> {
  user: UserFor<P>;
  /** The store, checked: visible to the user and allowed by the permission. */
  store: AuthorizedStore;
  /** What the store lookup found (the job, the document…), or undefined without one. */
  found: Found;
  input: Input;
  /** Records the change in the audit log, by this user, on this store: pass the transaction of the change. */
  audit(entry: Omit<AuditEntry, "actorId" | "storeId">, tx?: Parameters<typeof recordAudit>[0]): Promise<void>;
}

type Revalidation = string | [path: string, type: "page" | "layout"];

export interface ActionSpec<Args extends unknown[], Raw, Found, Input, Result, P extends Permission> {
  permission: P;
  /** The call's arguments as one value, for the lookup and the parser. */
  read: (...args: Args) => Raw;
  store: StoreLookup<Raw, Found>;
  /** The input's schema, applied to what `read` returned; without one, the work gets that value as is. */
  input?: z.ZodType<Input>;
  /** The answer to an input the schema refuses; by default invalid, with the first error of each field. */
  invalid?: (error: z.ZodError) => ActionFailure;
  run: (ctx: ActionContext<P, Found, Input>) => Promise<Result>;
  /** The pages showing what changed, refreshed after a successful run. */
  revalidate?: (ctx: ActionContext<P, Found, Input>, result: Result) => Revalidation[];
  /** Where the browser goes after a successful run, if it leaves the page. */
  redirect?: (ctx: ActionContext<P, Found, Input>, result: Result) => string;
}

/** What a test (or a reader) can learn about an action without calling it. */
export interface ActionInfo {
  permission: Permission;
  store: StoreLookup<unknown, unknown>["via"];
}

const infos = new WeakMap<object, ActionInfo>();

/** The permission and store scope of an action built by defineAction; undefined for any other function. */
export function actionInfo(action: unknown): ActionInfo | undefined {
  return typeof action === "function" ? infos.get(action) : undefined;
}

/** The lookup of an action about the store whose id it is given: a malformed id is a store that does not exist. */
export function storeById(storeId: unknown): Promise<{ storeId: string } | null> {
  const valid = typeof storeId === "string" && storeId.length > 0 && storeId.length <= 64;
  return Promise.resolve(valid ? { storeId } : null);
}

function failed(result: unknown): boolean {
  return typeof result === "object" && result !== null && "error" in result;
}

function allowed(user: SessionUser, permission: Permission): boolean {
  return permission === "signed-in" || permission === "anyone" || can(user, permission);
}

/** The store lookup: the user must see the store (else not_found) and hold the capability there. */
async function authorizeLookup<Raw, Found>(
  user: SessionUser,
  permission: Capability,
  find: (raw: Raw, user: SessionUser) => Promise<Found | null>,
  raw: Raw,
): Promise<ActionFailure | { store: AuthorizedStore; found: Found }> {
  const found = await find(raw, user);
  if (!found) return { error: "not_found" };
  const storeId = (found as { storeId?: unknown }).storeId;
  // An optional store left out (a filter on "every store"): the action works across the visible stores.
  if (storeId === null) return can(user, permission) ? { store: null, found } : { error: "forbidden" };
  if (typeof storeId !== "string") throw new Error("A store lookup must return a row with its storeId");
  const access = await authorizeStore(user, storeId, permission);
  if ("error" in access) return { error: access.error };
  return { store: access.store, found };
}

const fieldsInvalid = (error: z.ZodError): ActionFailure => ({ error: "invalid", fields: fieldErrors(error) });

export function defineAction<Args extends unknown[], Raw, Found, Result, P extends Permission, Input = Raw>(
  spec: ActionSpec<Args, Raw, Found, Input, Result, P>,
): (...args: Args) => Promise<Result | ActionFailure> {
  if ("find" in spec.store && (spec.permission === "signed-in" || spec.permission === "anyone")) {
    throw new Error("An action on a store needs a capability on it");
  }
  const action = async (...args: Args): Promise<Result | ActionFailure> => {
    const user = await getSessionUser();
    if (!user && spec.permission !== "anyone") return { error: "unauthenticated" };
    const lookup = spec.store;
    if (user && !("find" in lookup) && !allowed(user, spec.permission)) return { error: "forbidden" };
    // Server actions are public endpoints: arguments that cannot even be read (a crafted call) are invalid.
    let raw: Raw;
    try {
      raw = spec.read(...args);
    } catch {
      return { error: "invalid" };
    }
    let store: AuthorizedStore = null;
    let found: Found | undefined;
    if (user && "find" in lookup) {
      const authorized = await authorizeLookup(user, spec.permission as Capability, lookup.find, raw);
      if ("error" in authorized) return authorized;
      ({ store, found } = authorized);
    }
    let input = raw as unknown as Input;
    if (spec.input) {
      const parsed = spec.input.safeParse(raw);
      if (!parsed.success) return (spec.invalid ?? fieldsInvalid)(parsed.error);
      input = parsed.data;
    }

    const ctx: ActionContext<P, Found, Input> = {
      user: user as UserFor<P>,
      store,
      found: found as Found,
      input,
      async audit(entry, tx = db) {
        if (!user) throw new Error("Only a signed-in user's change is audited");
        await recordAudit(tx, { ...entry, actorId: user.id, storeId: store?.id ?? null });
      },
    };
    const result = await spec.run(ctx);
    if (!failed(result) && spec.revalidate) {
      for (const page of spec.revalidate(ctx, result)) {
        if (typeof page === "string") revalidatePath(page);
        else revalidatePath(...page);
      }
    }
    if (!failed(result) && spec.redirect) redirect(spec.redirect(ctx, result));
    return result;
  };
  infos.set(action, { permission: spec.permission, store: spec.store.via });
  return action;
}
