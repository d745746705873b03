// Tenant isolation of the server actions, as a matrix: every action of the catalog (lib/actions/catalog.ts, the
// code's own list) that takes the id of a store, job, document or user is called, as a crafted request would
// call it, by every role on a resource of a store the merchant owns (Loja do Mar, assigned to the accountant)
// and of one neither sees (Papelaria Lima). The expected answer comes from the rules written out below, not
// from the code: signed out → unauthenticated; a store the user does not see → not_found; seen but not allowed
// → forbidden; otherwise the action runs (its answer is none of those). An action missing from this file
// fails the test. Pages and route handlers: e2e/isolation.spec.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { resetEnvCache } from "@/lib/env";
import { createUser } from "@/lib/users";
import { startDashboardWorld, toSessionUser, type DashboardWorld } from "../dashboard/world";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser, renewSession: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: () => undefined }),
  headers: async () => new Headers(),
}));
vi.mock("next/server", () => ({ after: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (path: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { path });
  },
}));

const { listServerActions } = await import("@/lib/actions/catalog");

// ---- The rules, written out ----

const roles = ["admin", "accountantAssigned", "accountantAll", "merchantOwn", "merchantOther", "signedOut"] as const;
type RoleName = (typeof roles)[number];
const stores = ["loja-do-mar", "papelaria-lima"] as const;
type StoreCode = (typeof stores)[number];

/** Who sees which store: the accountant is assigned Casa Verde and Loja do Mar; the other merchant, Casa Verde. */
const sees: Record<Exclude<RoleName, "signedOut">, readonly StoreCode[]> = {
  admin: ["loja-do-mar", "papelaria-lima"],
  accountantAssigned: ["loja-do-mar"],
  accountantAll: ["loja-do-mar", "papelaria-lima"],
  merchantOwn: ["loja-do-mar"],
  merchantOther: [],
};
const accountants = ["admin", "accountantAssigned", "accountantAll"] as const;
const everyone = [...accountants, "merchantOwn", "merchantOther"] as const;
/** Which roles hold each permission (on the stores they see). */
const holders: Record<string, readonly RoleName[]> = {
  "stores.view": everyone,
  "stores.settings": ["admin"],
  "jobs.retry": everyone,
  "credit-notes.issue": accountants,
  "saft.export": accountants,
  "month-close.refresh": accountants,
  "users.manage": ["admin"],
};

type Expected = "unauthenticated" | "not_found" | "forbidden" | "runs";

function expected(role: RoleName, permission: string, store: StoreCode | null): Expected {
  if (role === "signedOut") return "unauthenticated";
  if (store && !sees[role].includes(store)) return "not_found";
  return holders[permission]!.includes(role) ? "runs" : "forbidden";
}

// ---- Every action that takes an id, and how to call it without changing anything when it runs ----

interface Ids {
  storeId: string;
  documentId: string;
  jobId: string;
  userId: string;
  orderId: string;
}
type Call = (ids: Ids) => Promise<unknown>;
type Action = (...args: never[]) => Promise<unknown>;
const empty = () => new FormData();

/** Action name → what it is about (a store's resource, or a user) and a call with that id and harmless input. */
const matrix: Record<string, { about: "store" | "user"; call: (action: Action) => Call }> = {
  "connect.saveVendusKeyAction": { about: "store", call: (a) => (ids) => call(a, ids.storeId, null, empty()) },
  "connect.finishStoreSetupAction": { about: "store", call: (a) => (ids) => call(a, ids.storeId, null, empty()) },
  // Nothing to correct: refused as empty, after the checks.
  "corrections.correctOrder": { about: "store", call: (a) => (ids) => call(a, { orderId: ids.orderId }) },
  // The seeded order has no correction: nothing is removed.
  "corrections.removeCorrection": { about: "store", call: (a) => (ids) => call(a, ids.orderId) },
  // The invoice's number is not confirmed: refused, after the checks.
  "corrections.creditAndReissue": { about: "store", call: (a) => (ids) => call(a, ids.documentId, "not its number") },
  "credit-notes.submitCreditNote": { about: "store", call: (a) => (ids) => call(a, { documentId: ids.documentId }) },
  // A job that is not failed: retrying it is refused for that reason, after the checks.
  "jobs.retryJob": { about: "store", call: (a) => (ids) => call(a, ids.jobId) },
  // Limited to queued jobs: nothing to retry, so the answer only tells whether the store filter was accepted.
  "jobs.retryAllFailedJobs": {
    about: "store",
    call: (a) => (ids) => call(a, { store: ids.storeId, status: "queued" }),
  },
  // A cause that does not exist: refused as invalid after the checks, so nothing is retried.
  "jobs.retryFailureGroup": {
    about: "store",
    call: (a) => (ids) => call(a, { store: ids.storeId, cause: "not a cause" }),
  },
  // A month that does not parse: refused as invalid after the checks, so no report is asked for.
  "month-close.refreshMonthClose": { about: "store", call: (a) => (ids) => call(a, "not a month", ids.storeId) },
  "readiness.checkStoreConnection": { about: "store", call: (a) => (ids) => call(a, ids.storeId) },
  "stores.updateStoreSettings": { about: "store", call: (a) => (ids) => call(a, ids.storeId, null, empty()) },
  "users.updateUserAccess": { about: "user", call: (a) => (ids) => call(a, ids.userId, null, empty()) },
  "users.setUserActive": { about: "user", call: (a) => (ids) => call(a, ids.userId, "not a boolean") },
  "users.sendPasswordResetLink": { about: "user", call: (a) => (ids) => call(a, ids.userId) },
};

/** Actions that take no id of anyone else's data, and why they are not in the matrix. */
const withoutId: Record<string, string> = {
  "jobs.retrySelectedJobs": "takes a list of job ids: covered below, jobs the user does not see are left alone",
  "month-close.exportSaftZip":
    "a month: the ZIP holds the stores the user sees, and only users seeing all of them get it (tests/month-close/saft-bundle.test.ts)",
  "password-reset.requestPasswordReset": "an e-mail address, signed out (tests/security/sessions.test.ts)",
  "password-reset.resetPassword": "a reset token, signed out (tests/security/sessions.test.ts)",
  "profile.switchLocale": "the user's own language",
  "profile.updateProfile": "the user's own profile",
  "profile.changePassword": "the user's own password",
  "users.createUserAccount": "creates a user: admins only (lib/actions/catalog.test.ts)",
};

function call(action: Action, ...args: unknown[]): Promise<unknown> {
  return (action as (...a: unknown[]) => Promise<unknown>)(...args);
}

function outcome(answer: unknown): Expected {
  const error = (answer as { error?: unknown } | null)?.error;
  return error === "unauthenticated" || error === "not_found" || error === "forbidden" ? error : "runs";
}

// ---- The world ----

let world: DashboardWorld;
const users = {} as Record<RoleName, SessionUser | null>;
const ids = {} as Record<StoreCode, Ids>;

beforeAll(async () => {
  world = await startDashboardWorld();
  // The readiness check calls Jumpseller and Vendus: here nothing answers, at once.
  vi.stubEnv("JUMPSELLER_API_URL", "http://127.0.0.1:1/v1");
  vi.stubEnv("VENDUS_API_URL", "http://127.0.0.1:1/ws/v1.1/");
  resetEnvCache();
  const fresh = async (email: string, role: "accountant" | "merchant", allStores: boolean, storeCodes: string[]) => {
    await createUser(world.test.db, {
      email,
      name: email,
      password: "isolation-password",
      role,
      allStores,
      storeIds: storeCodes.map((code) => world.stores[code]!),
    });
    return toSessionUser(world.test.db, email);
  };
  Object.assign(users, {
    admin: world.users.admin,
    accountantAssigned: world.users.accountant,
    accountantAll: await fresh("all-stores@example.pt", "accountant", true, []),
    merchantOwn: world.users.merchant,
    merchantOther: await fresh("other-merchant@example.pt", "merchant", false, ["casa-verde"]),
    signedOut: null,
  });
  // The demo's Papelaria Lima has invoiced nothing yet: it gets an invoice and a finished job like Loja do Mar's.
  const db = world.test.db;
  const sample = await db.document.findFirstOrThrow({
    where: { storeId: world.stores["loja-do-mar"]!, type: { not: "NC" } },
  });
  const { id: _id, storeId: _store, orderId: _order, invoiceForOrderId: _for, ...copy } = sample;
  await db.document.create({
    data: {
      ...copy,
      lines: copy.lines ?? [],
      storeId: world.stores["papelaria-lima"]!,
      txId: `isolation-${sample.txId}`,
    } as never,
  });
  await db.job.create({
    data: { storeId: world.stores["papelaria-lima"]!, kind: "invoice_order", subject: "3001", status: "succeeded" },
  });
  for (const code of stores) {
    const storeId = world.stores[code]!;
    const document = await db.document.findFirstOrThrow({ where: { storeId, type: { not: "NC" } } });
    const job = await db.job.findFirstOrThrow({
      where: { storeId, status: { not: "failed" } },
      orderBy: { createdAt: "asc" },
    });
    const user = await createUser(world.test.db, {
      email: `target-${code}@example.pt`,
      name: `Target ${code}`,
      password: "isolation-password",
      role: "merchant",
      storeIds: [storeId],
    });
    const order = await db.order.findFirstOrThrow({ where: { storeId } });
    ids[code] = { storeId, documentId: document.id, jobId: job.id, userId: user.id, orderId: order.id };
  }
});
afterAll(() => world.close());

describe("server-action isolation matrix", () => {
  it("has an entry for every action of the catalog", () => {
    const names = listServerActions().map((a) => a.name);
    const covered = [...Object.keys(matrix), ...Object.keys(withoutId)];
    expect(
      names.filter((n) => !covered.includes(n)),
      "actions with no entry in the matrix",
    ).toEqual([]);
    expect(
      covered.filter((n) => !names.includes(n)),
      "entries for actions that no longer exist",
    ).toEqual([]);
  });

  for (const [name, entry] of Object.entries(matrix)) {
    it(`${name}: every role, on both stores`, async () => {
      const catalogEntry = listServerActions().find((a) => a.name === name)!;
      const run = entry.call(catalogEntry.action);
      const answers: string[] = [];
      const wanted: string[] = [];
      for (const code of stores) {
        for (const role of roles) {
          currentUser = users[role];
          const answer = await run(ids[code]);
          answers.push(`${code} ${role}: ${outcome(answer)}`);
          wanted.push(
            `${code} ${role}: ${expected(role, catalogEntry.permission, entry.about === "store" ? code : null)}`,
          );
        }
      }
      expect(answers).toEqual(wanted);
    });
  }

  it("jobs.retrySelectedJobs leaves alone the failed jobs of stores the user does not see", async () => {
    const { action } = listServerActions().find((a) => a.name === "jobs.retrySelectedJobs")!;
    const failed = await world.test.db.job.findFirst({
      where: { storeId: ids["papelaria-lima"].storeId, status: "failed", kind: { not: "credit_note" } },
    });
    const jobId =
      failed?.id ??
      (
        await world.test.db.job.update({
          where: { id: ids["papelaria-lima"].jobId },
          data: { status: "failed" },
        })
      ).id;
    for (const role of ["accountantAssigned", "merchantOwn", "merchantOther"] as const) {
      currentUser = users[role];
      const answer = (await call(action, [jobId])) as { retried?: number };
      expect({ role, retried: answer.retried ?? 0 }).toEqual({ role, retried: 0 });
      expect((await world.test.db.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("failed");
    }
    currentUser = null;
    expect(await call(action, [jobId])).toEqual({ error: "unauthenticated" });
  });
});
