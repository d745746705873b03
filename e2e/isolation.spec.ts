// Tenant isolation of every page and route handler, as a matrix against the production server: each page and
// route of app/ (found by walking the folder, so a new one with no entry here fails) is requested by every role
// (admin; accountant with assigned stores; accountant with all stores; merchant of Loja do Mar; merchant of
// another store; signed out) on a resource of Loja do Mar (the merchant's store, assigned to the accountant) and
// of Papelaria Lima (seen only by admins and all-stores accountants). The expected answers follow the rules
// written out below, not the code. Server actions: tests/security/isolation-actions.test.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { demoUsers } from "../scripts/demo/fixtures";
import { e2eServerEnv } from "./env";
import { expect, test } from "./fixtures";

// ---- The code's own list of pages and route handlers ----

function appEntries(dir = path.join(__dirname, "..", "app"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      // Route groups "(name)" do not appear in the URL.
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
      return appEntries(path.join(dir, entry.name), prefix + segment);
    }
    if (entry.name === "page.tsx") return [`page ${prefix || "/"}`];
    if (entry.name === "route.ts") return [`route ${prefix}`];
    return [];
  });
}

// ---- The rules, written out ----

const roles = ["admin", "accountantAssigned", "accountantAll", "merchantOwn", "merchantOther", "signedOut"] as const;
type RoleName = (typeof roles)[number];
const stores = ["loja-do-mar", "papelaria-lima"] as const;
type StoreCode = (typeof stores)[number];
const sees: Record<RoleName, readonly StoreCode[]> = {
  admin: stores,
  accountantAssigned: ["loja-do-mar"],
  accountantAll: stores,
  merchantOwn: ["loja-do-mar"],
  merchantOther: [],
  signedOut: [],
};
const isAccountant = (role: RoleName) => ["admin", "accountantAssigned", "accountantAll"].includes(role);

/**
 * What a request answers: a status, a redirect to sign-in, a page that says the user may not do this, or a page
 * that names nothing of the store asked for.
 */
type Answer = number | "sign-in" | "refused" | "nothing of it";

interface Ids {
  storeId: string;
  storeName: string;
  orderId: string;
  documentId: string;
  /** A finished SAF-T ZIP holding this store only. */
  bundleId: string;
}

interface Entry {
  url: (ids: Ids) => string;
  expect: (role: RoleName, store: StoreCode) => Answer;
}

/** A page of one store's data: signed out → sign-in; a store the user does not see → 404, as if absent. */
const storePage =
  (allowed: (role: RoleName) => Answer = () => 200) =>
  (role: RoleName, store: StoreCode): Answer =>
    role === "signedOut" ? "sign-in" : sees[role].includes(store) ? allowed(role) : 404;

const withId: Record<string, Entry> = {
  "page /orders/[orderId]": { url: (ids) => `/orders/${ids.orderId}`, expect: storePage() },
  "page /stores/[storeId]": { url: (ids) => `/stores/${ids.storeId}`, expect: storePage() },
  // The overview's chart of one store: for a store the user does not see, the overview of their own stores,
  // with nothing of the one asked for (not even its name).
  "page /?store=[storeId]": {
    url: (ids) => `/?store=${ids.storeId}`,
    expect: (role, store) => (role === "signedOut" ? "sign-in" : sees[role].includes(store) ? 200 : "nothing of it"),
  },
  // Connecting a store is for admins: others who see the store get a page that says so.
  "page /stores/connect/[storeId]": {
    url: (ids) => `/stores/connect/${ids.storeId}`,
    expect: storePage((role) => (role === "admin" ? 200 : "refused")),
  },
  // Signed out → 401; not seen → 404; seen → Vendus is asked for the PDF (the simulator has none of the demo's
  // documents, or refuses Papelaria Lima's key: 502, an answer given only after the checks).
  "route /api/documents/[documentId]/download": {
    url: (ids) => `/api/documents/${ids.documentId}/download`,
    expect: (role, store) => (role === "signedOut" ? 401 : !sees[role].includes(store) ? 404 : 502),
  },
  // A signed link, not a session: without a valid signature every role (and nobody) gets the same 403.
  "route /api/documents/[documentId]/pdf": {
    url: (ids) => `/api/documents/${ids.documentId}/pdf?exp=99999999999&sig=forged`,
    expect: () => 403,
  },
  // The month's SAF-T ZIP: accountants and admins who see every store in it; anyone else is told it does not exist.
  "route /api/month-close/saft-zip/[bundleId]": {
    url: (ids) => `/api/month-close/saft-zip/${ids.bundleId}`,
    expect: (role, store) =>
      role === "signedOut" ? 401 : sees[role].includes(store) && isAccountant(role) ? 200 : 404,
  },
  // SAF-T: accountants and admins only; asked without a period, an allowed user gets "invalid period" (400).
  "route /api/stores/[storeId]/saft": {
    url: (ids) => `/api/stores/${ids.storeId}/saft`,
    expect: (role, store) =>
      role === "signedOut" ? 401 : !sees[role].includes(store) ? 404 : isAccountant(role) ? 400 : 403,
  },
};

/** Pages and routes that take no id of any store's data: what they answer, checked once per role. */
const withoutId: Record<string, { url: string; signedOut: Answer; signedIn: Answer } | string> = {
  "page /": { url: "/", signedOut: "sign-in", signedIn: 200 },
  "page /audit": { url: "/audit", signedOut: "sign-in", signedIn: 200 },
  "page /jobs": { url: "/jobs", signedOut: "sign-in", signedIn: 200 },
  "page /orders": { url: "/orders", signedOut: "sign-in", signedIn: 200 },
  "page /settings": { url: "/settings", signedOut: "sign-in", signedIn: 200 },
  "page /stores": { url: "/stores", signedOut: "sign-in", signedIn: 200 },
  "page /stores/connect": { url: "/stores/connect", signedOut: "sign-in", signedIn: 200 },
  "page /month-close": { url: "/month-close", signedOut: "sign-in", signedIn: 200 },
  "page /login": { url: "/login", signedOut: 200, signedIn: 307 },
  "page /login/forgot": { url: "/login/forgot", signedOut: 200, signedIn: 200 },
  "page /login/reset": { url: "/login/reset", signedOut: 200, signedIn: 200 },
  "route /api/auth/[...nextauth]": "next-auth's own endpoints (sign-in, sign-out): e2e/auth.spec.ts",
  "route /api/health": "no data: tests/health.test.ts",
  "route /api/inngest": "signed by Inngest: tests/security/inngest-endpoint.test.ts",
  "route /api/jumpseller/oauth/start": "starts the app install for the signed-in admin: tests/connect",
  "route /api/jumpseller/oauth/callback": "signed OAuth state: tests/connect",
  "route /api/month-close/export":
    "the signed-in user's visible stores only; an unseen store is a 404: tests/month-close/export.test.ts",
  "route /api/webhooks/jumpseller": "signed by Jumpseller: tests/ingest (webhook.test.ts, webhook-fuzz.test.ts)",
};

// ---- Sessions for each role, minted as the server would (the user id and session version, signed) ----

async function sessionCookie(sql: import("pg").Pool, email: string): Promise<string> {
  const { rows } = await sql.query<{ id: string; sessionVersion: number }>(
    `SELECT id, "sessionVersion" FROM "User" WHERE email = $1`,
    [email],
  );
  const user = rows[0]!;
  const token = await encode({
    token: { sub: user.id, sv: user.sessionVersion },
    secret: e2eServerEnv.NEXTAUTH_SECRET!,
  });
  return `next-auth.session-token=${token}`;
}

async function answerOf(
  request: APIRequestContext,
  url: string,
  cookie: string | null,
  storeName?: string,
): Promise<Answer> {
  const response = await request.get(url, {
    headers: cookie ? { cookie } : {},
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const status = response.status();
  if (status >= 300 && status < 400 && /\/login(\?|$)/.test(response.headers()["location"] ?? "")) return "sign-in";
  if (status === 200 && url.startsWith("/stores/connect/")) {
    if ((await response.text()).includes('data-testid="only-admins"')) return "refused";
  }
  if (status === 200 && url.startsWith("/?store=") && storeName) {
    if (!(await response.text()).includes(storeName)) return "nothing of it";
  }
  return status;
}

test("every page and route handler has an entry in the isolation matrix", () => {
  const found = appEntries().sort();
  // An entry may be a page with a store in its query ("page /?store=[storeId]"): it stands for that page.
  const listed = [...new Set([...Object.keys(withId), ...Object.keys(withoutId)].map((e) => e.split("?")[0]!))].sort();
  expect(
    found.filter((e) => !listed.includes(e)),
    "pages or routes with no entry",
  ).toEqual([]);
  expect(
    listed.filter((e) => !found.includes(e)),
    "entries for pages or routes that no longer exist",
  ).toEqual([]);
});

test("every role gets the expected answer from every page and route", async ({ request, sql, freshUser }) => {
  test.setTimeout(240_000);
  const allStores = await freshUser({ role: "accountant" });
  await sql.query(`UPDATE "User" SET "allStores" = true WHERE id = $1`, [allStores.id]);
  const otherMerchant = await freshUser({ role: "merchant", storeCodes: ["casa-verde"] });
  const cookies: Record<RoleName, string | null> = {
    admin: await sessionCookie(sql, demoUsers.admin.email),
    accountantAssigned: await sessionCookie(sql, demoUsers.accountant.email),
    accountantAll: await sessionCookie(sql, allStores.email),
    merchantOwn: await sessionCookie(sql, demoUsers.merchant.email),
    merchantOther: await sessionCookie(sql, otherMerchant.email),
    signedOut: null,
  };

  const ids = {} as Record<StoreCode, Ids>;
  for (const code of stores) {
    const { rows } = await sql.query<Ids>(
      `SELECT s.id AS "storeId", s.name AS "storeName",
              (SELECT o.id FROM "Order" o WHERE o."storeId" = s.id ORDER BY o.id LIMIT 1) AS "orderId",
              (SELECT d.id FROM "Document" d WHERE d."storeId" = s.id AND d.type <> 'NC' ORDER BY d.id LIMIT 1)
                AS "documentId"
         FROM "Store" s WHERE s.code = $1`,
      [code],
    );
    ids[code] = rows[0]!;
  }
  // The demo's Papelaria Lima has invoiced nothing yet: it gets a copy of one of Loja do Mar's invoices.
  if (!ids["papelaria-lima"].documentId) {
    const { rows: columns } = await sql.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'Document'`,
    );
    const replaced: Record<string, string> = {
      id: `'isolation-' || id`,
      storeId: "$1",
      txId: `'isolation-' || "txId"`,
      orderId: "NULL",
      invoiceForOrderId: "NULL",
    };
    const names = columns.map((c) => c.name);
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO "Document" (${names.map((n) => `"${n}"`).join(", ")})
       SELECT ${names.map((n) => replaced[n] ?? `"${n}"`).join(", ")} FROM "Document" WHERE id = $2 RETURNING id`,
      [ids["papelaria-lima"].storeId, ids["loja-do-mar"].documentId],
    );
    ids["papelaria-lima"].documentId = rows[0]!.id;
  }
  for (const code of stores) {
    const { rows } = await sql.query<{ id: string }>(
      `WITH bundle AS (
         INSERT INTO "SaftBundle" (id, year, month, "storeIds", state, "requestedById", "zipAttempt", "zipBytes")
         VALUES ('isolation-zip-' || $1, 2026, 1, ARRAY[$2], 'done', 'isolation', 'single', 4)
         ON CONFLICT (id) DO UPDATE SET state = 'done' RETURNING id
       ), chunk AS (
         INSERT INTO "SaftBundleChunk" ("bundleId", attempt, seq, data)
         SELECT id, 'single', 0, '\\x504b0506'::bytea FROM bundle ON CONFLICT DO NOTHING
       )
       SELECT id FROM bundle`,
      [code, ids[code].storeId],
    );
    ids[code].bundleId = rows[0]!.id;
  }

  const answers: string[] = [];
  const wanted: string[] = [];
  for (const [name, entry] of Object.entries(withId)) {
    for (const code of stores) {
      for (const role of roles) {
        const answer = await answerOf(request, entry.url(ids[code]), cookies[role], ids[code].storeName);
        answers.push(`${name} ${code} ${role}: ${answer}`);
        wanted.push(`${name} ${code} ${role}: ${entry.expect(role, code)}`);
      }
    }
  }
  for (const [name, entry] of Object.entries(withoutId)) {
    if (typeof entry === "string") continue;
    for (const role of roles) {
      answers.push(`${name} ${role}: ${await answerOf(request, entry.url, cookies[role])}`);
      wanted.push(`${name} ${role}: ${role === "signedOut" ? entry.signedOut : entry.signedIn}`);
    }
  }
  expect(answers).toEqual(wanted);
});
