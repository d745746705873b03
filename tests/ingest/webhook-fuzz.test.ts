// Fuzzing POST /api/webhooks/jumpseller (the route handler itself, with the app's ingest against a real
// database): generated bodies (valid and odd orders and products, random JSON, truncated and deeply nested
// JSON, huge numbers, unicode with NULs and lone surrogates, random bytes, sizes around the 1 MB limit) and
// headers (wrong, missing and duplicated store codes, events, content types and signatures; correct
// signatures over odd bodies). Never a 5xx; every correctly signed, well-formed delivery is accepted; the
// database holds exactly one row per distinct accepted delivery and nothing else but the refusal log, whose
// size stays within its per-minute cap.
// CI runs a few hundred requests; `npm run fuzz:webhooks` runs 10,000 (PONTE_FUZZ_RUNS) and prints the counts.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createIngestDeps, maxWebhookBodyBytes, type IngestDeps } from "@/lib/ingest";
import { planDelivery } from "@/lib/ingest/events";
import { jumpsellerWebhookEvents, type JumpsellerWebhookEvent } from "@/lib/jumpseller/constants";
import { signWebhookBody } from "@/lib/jumpseller/webhook-signature";
import { connectHookStore } from "./support";
import { createTestDatabase, type TestDatabase } from "../db";

const runs = Number(process.env.PONTE_FUZZ_RUNS ?? 300);
const seed = process.env.PONTE_FUZZ_SEED ? Number(process.env.PONTE_FUZZ_SEED) : undefined;

const afterAnswer: (() => Promise<unknown> | unknown)[] = [];
vi.mock("next/server", () => ({ after: (task: () => unknown) => void afterAnswer.push(task) }));

const code = "fuzz-loja";
const hooksToken = "fuzz-hooks-token-0123456789";
const clientSecret = "fuzz-app-client-secret";
const dispatched: string[] = [];

let t: TestDatabase;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  t = await createTestDatabase();
  await connectHookStore(t.db, { code, name: "Loja Fuzz", hooksToken });
  // The app's ingest for this database, as the route builds it once per process (lib/ingest/index.ts), with a
  // dispatcher that only notes the jobs: Inngest is not under test here.
  const deps = createIngestDeps(t.db, { clientSecret, dispatch: async (jobIds) => void dispatched.push(...jobIds) });
  (globalThis as { ponteIngest?: IngestDeps }).ponteIngest = deps;
  ({ POST } = await import("@/app/api/webhooks/jumpseller/route"));
});
afterAll(async () => {
  delete (globalThis as { ponteIngest?: IngestDeps }).ponteIngest;
  await t?.drop();
});

// ---- What a request is made of ----

interface Body {
  bytes: Uint8Array;
  /** A well-formed order or product delivery for this event (if the headers are right, it must be accepted). */
  wellFormedFor: JumpsellerWebhookEvent | null;
  kind: string;
}

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);

// Text that has broken databases and parsers: NULs, lone surrogates, right-to-left marks, emoji, quotes.
const nastyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfffy", "\u202e", "💶 €", '"\\', "\\u0000", "Ç\u0301", ""),
);
const orderEvents = ["order_paid", "order_updated", "order_canceled"] as const;
const productEvents = ["product_created", "product_updated", "product_stock_updated"] as const;

const orderHint = fc.record(
  {
    id: fc.integer({ min: 1, max: 40 }),
    status_enum: fc.constantFrom("paid", "pending_payment", "canceled", "abandoned"),
    status: nastyText,
    total: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom("24.60", "abc", "1e9999")),
    currency: fc.constantFrom("EUR", "USD", null),
    created_at: fc.constantFrom("2026-11-28 10:00:00 UTC", "not a date", null),
    customer: fc.record({ email: nastyText, fullname: nastyText }),
    billing_address: fc.record({ name: nastyText, surname: nastyText, taxid: nastyText, country_code: nastyText }),
    extra: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: ["id", "status_enum"] },
);
const productHint = fc.record(
  {
    id: fc.integer({ min: 1, max: 40 }),
    updated_at: fc.constantFrom("2026-11-28 10:00:00 UTC", "2026-11-28 10:00:01 UTC", null),
    stock: fc.oneof(fc.integer({ min: -5, max: 1e6 }), fc.constant(null)),
    stock_unlimited: fc.boolean(),
    name: nastyText,
  },
  { requiredKeys: ["id"] },
);

const wellFormed: fc.Arbitrary<Body> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...orderEvents), orderHint)
    .map(([event, order]) => ({ bytes: utf8(JSON.stringify({ order })), wellFormedFor: event, kind: "order" })),
  fc
    .tuple(fc.constantFrom(...productEvents), productHint)
    .map(([event, product]) => ({ bytes: utf8(JSON.stringify({ product })), wellFormedFor: event, kind: "product" })),
);

const nested = (depth: number, inner = "1") => "[".repeat(depth) + inner + "]".repeat(depth);

const odd: fc.Arbitrary<Body> = fc.oneof(
  fc.jsonValue().map((value) => ({ bytes: utf8(JSON.stringify(value) ?? ""), wellFormedFor: null, kind: "json" })),
  fc.tuple(orderHint, fc.nat()).map(([order, cut]) => {
    const text = JSON.stringify({ order });
    return { bytes: utf8(text.slice(0, cut % text.length)), wellFormedFor: null, kind: "truncated" };
  }),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => ({
    bytes: utf8(`{"order":{"id":7,"status_enum":"paid","deep":${nested(depth)}}}`),
    wellFormedFor: null,
    kind: "deep",
  })),
  fc
    .integer({ min: 1, max: 200_000 })
    .map((depth) => ({ bytes: utf8(nested(depth)), wellFormedFor: null, kind: "deep" })),
  fc
    .constantFrom(
      "1e400",
      "-1",
      "2147483648",
      "99999999999999999999",
      "1.5",
      '"12"',
      '"0012"',
      '"99999999999999999999"',
      "9007199254740993",
    )
    .chain((id) =>
      fc.constantFrom(
        `{"order":{"id":${id},"status_enum":"paid","total":1e308}}`,
        `{"product":{"id":${id},"stock":1e400}}`,
        `{"order":{"id":3,"status_enum":"paid","total":${id}}}`,
      ),
    )
    .map((text) => ({ bytes: utf8(text), wellFormedFor: null, kind: "numbers" })),
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ bytes, wellFormedFor: null, kind: "bytes" })),
  fc
    .constantFrom("", " ", "null", "{}", '{"order":null}', '{"order":[]}', '{"order":{"id":1}}', "\ufeff{}")
    .map((text) => ({ bytes: utf8(text), wellFormedFor: null, kind: "small" })),
  // Around the 1 MB limit: a valid order padded to just under, at, and just over it.
  fc.integer({ min: -3, max: 3 }).map((delta) => {
    const head = '{"order":{"id":5,"status_enum":"paid","pad":"';
    const tail = '"}}';
    const size = maxWebhookBodyBytes + delta;
    const text = head + "x".repeat(size - head.length - tail.length) + tail;
    return { bytes: utf8(text), wellFormedFor: delta <= 0 ? ("order_paid" as const) : null, kind: "limit" };
  }),
);

type HeaderChoice = { value: [string, string][]; right: boolean };
function header(name: string, right: string, wrong: fc.Arbitrary<string>): fc.Arbitrary<HeaderChoice> {
  const once: fc.Arbitrary<HeaderChoice> = fc.constant({ value: [[name, right]], right: true });
  const other: fc.Arbitrary<HeaderChoice> = wrong.map((v) => ({ value: [[name, v]], right: false }));
  const missing: fc.Arbitrary<HeaderChoice> = fc.constant({ value: [], right: false });
  const twice: fc.Arbitrary<HeaderChoice> = fc.constant({
    value: [
      [name, right],
      [name, right],
    ],
    right: false,
  });
  return fc.oneof(
    { weight: 12, arbitrary: once },
    { weight: 1, arbitrary: other },
    { weight: 1, arbitrary: missing },
    { weight: 1, arbitrary: twice },
  );
}
// Header values a client can put on the wire: visible ASCII and spaces.
const headerText = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, "").trim());

interface FuzzRequest {
  body: Body;
  headers: [string, string][];
  /** Every header right and the body well-formed for the event sent: Jumpseller's own delivery. */
  genuine: boolean;
  event: string | null;
}

const request: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 2, arbitrary: odd }),
    fc.constantFrom(...jumpsellerWebhookEvents),
    fc.constantFrom("hooks", "secret", "wrong", "other-body", "missing", "twice", "garbage", "lowercase-name"),
    header("Jumpseller-Store-Code", code, fc.oneof(headerText, fc.constantFrom(`${code}x`, "LOJA", ` ${code} `))),
    fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: headerText }),
    header(
      "Content-Type",
      "application/json",
      fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/jsonx", "", "json"),
    ),
    fc.constantFrom("application/json", "application/json; charset=utf-8", "Application/JSON"),
    fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: headerText }),
  )
  .map(([body, randomEvent, signing, storeCode, eventOverride, contentType, jsonType, triggeredAt]) => {
    const event = body.wellFormedFor ?? randomEvent;
    const headers: [string, string][] = [...storeCode.value];
    if (eventOverride === null) headers.push(["Jumpseller-Event", event]);
    else if (eventOverride !== "") headers.push(["Jumpseller-Event", eventOverride]);
    headers.push(...contentType.value.map(([name, v]): [string, string] => [name, contentType.right ? jsonType : v]));
    if (triggeredAt !== null) headers.push(["Jumpseller-Triggered-At", triggeredAt]);
    const sign = (key: string, bytes = body.bytes) => signWebhookBody(bytes, key);
    const signature: Record<string, string[]> = {
      hooks: [sign(hooksToken)],
      secret: [sign(clientSecret)],
      wrong: [sign("not-the-token")],
      "other-body": [sign(hooksToken, utf8("{}"))],
      missing: [],
      twice: [sign(hooksToken), sign(hooksToken)],
      garbage: ["!!not base64!!"],
      "lowercase-name": [sign(hooksToken)],
    };
    const name = signing === "lowercase-name" ? "jumpseller-hmac-sha256" : "Jumpseller-Hmac-Sha256";
    headers.push(...signature[signing]!.map((v): [string, string] => [name, v]));
    const signedRight = ["hooks", "secret", "lowercase-name"].includes(signing);
    const genuine =
      body.wellFormedFor !== null && signedRight && storeCode.right && contentType.right && eventOverride === null;
    return { body, headers, genuine, event: eventOverride ?? event };
  });

// ---- Running it ----

interface Tally {
  requests: number;
  byStatus: Record<number, number>;
  byKind: Record<string, number>;
  genuine: number;
  accepted: number;
  duplicates: number;
  /** Deliveries the app recorded (new or repeat), by the key that makes a delivery the same. */
  recorded: Map<string, { responses: number; fresh: number }>;
  orderIds: Set<number>;
}

function deliveryKey(event: string, bytes: Uint8Array): string | null {
  const plan = planDelivery(event as JumpsellerWebhookEvent, JSON.parse(Buffer.from(bytes).toString("utf8")));
  if (!plan.ok || plan.plan.action === "ignore") return null;
  return `${plan.plan.event}|${plan.plan.resourceId}|${plan.plan.state}`;
}

async function send(req: FuzzRequest, tally: Tally): Promise<void> {
  const response = await POST(
    new Request("http://127.0.0.1/api/webhooks/jumpseller", {
      method: "POST",
      headers: new Headers(req.headers),
      body: req.body.bytes as Uint8Array<ArrayBuffer>,
    }),
  );
  for (const task of afterAnswer.splice(0)) await task();
  const answer = (await response.json()) as { ok?: boolean; duplicate?: boolean; jobId?: string | null };
  tally.requests += 1;
  tally.byStatus[response.status] = (tally.byStatus[response.status] ?? 0) + 1;
  tally.byKind[req.body.kind] = (tally.byKind[req.body.kind] ?? 0) + 1;
  if (req.genuine) tally.genuine += 1;

  expect(response.status, `${req.body.kind} ${JSON.stringify(answer)}`).toBeLessThan(500);
  if (req.genuine) expect({ status: response.status, answer }).toMatchObject({ status: 200, answer: { ok: true } });
  if (response.status !== 200) return;
  tally.accepted += 1;
  if (!("duplicate" in answer)) return; // acknowledged, nothing to record (an event Ponte ignores)
  const key = deliveryKey(req.event!, req.body.bytes);
  expect(key, "a recorded delivery has a key").not.toBeNull();
  const entry = tally.recorded.get(key!) ?? { responses: 0, fresh: 0 };
  entry.responses += 1;
  if (!answer.duplicate) entry.fresh += 1;
  else tally.duplicates += 1;
  tally.recorded.set(key!, entry);
  if (key!.startsWith("order_")) tally.orderIds.add(Number(key!.split("|")[1]));
}

it(
  `${runs} generated deliveries: never a 5xx, genuine ones stored exactly once, refusals bounded`,
  async () => {
    const tally: Tally = {
      requests: 0,
      byStatus: {},
      byKind: {},
      genuine: 0,
      accepted: 0,
      duplicates: 0,
      recorded: new Map(),
      orderIds: new Set(),
    };
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(request, (req) => send(req, tally)),
      { numRuns: runs, seed, endOnFailure: true },
    );
    const minutes = (Date.now() - started) / 60_000;

    // Exactly one row per distinct recorded delivery, each repeat counted on it, and no other delivery rows.
    const rows = await t.db.webhookDelivery.findMany({
      select: { event: true, resourceId: true, state: true, duplicates: true },
    });
    const stored = new Map(rows.map((r) => [`${r.event}|${r.resourceId}|${r.state}`, r.duplicates]));
    expect(rows.length).toBe(stored.size);
    expect([...stored.keys()].sort()).toEqual([...tally.recorded.keys()].sort());
    for (const [key, { responses, fresh }] of tally.recorded) {
      expect({ key, fresh, duplicates: stored.get(key) }).toEqual({ key, fresh: 1, duplicates: responses - 1 });
    }
    // Orders only for accepted order deliveries, one per order; jobs only for orders and products delivered.
    const orders = await t.db.order.findMany({ select: { jumpsellerId: true } });
    expect(orders.map((o) => o.jumpsellerId).sort((a, b) => a - b)).toEqual([...tally.orderIds].sort((a, b) => a - b));
    const jobs = await t.db.job.count();
    expect(jobs).toBeLessThanOrEqual(tally.recorded.size);
    // The refusal log: at most 60 rows a minute, plus one row per minute counting what it dropped.
    const rejectedRows = await t.db.rejectedDelivery.count();
    expect(rejectedRows).toBeLessThanOrEqual(61 * Math.ceil(minutes + 1));

    const refused = tally.requests - tally.accepted;
    console.log(
      [
        `webhook fuzz: ${tally.requests} requests in ${(minutes * 60).toFixed(1)} s`,
        `  answers by status: ${JSON.stringify(tally.byStatus)}`,
        `  bodies by kind: ${JSON.stringify(tally.byKind)}`,
        `  genuine deliveries: ${tally.genuine}, accepted: ${tally.accepted}, refused: ${refused}`,
        `  stored deliveries: ${rows.length} (one per distinct delivery), repeats recognised: ${tally.duplicates}`,
        `  orders: ${orders.length}, jobs: ${jobs}, jobs dispatched: ${dispatched.length}`,
        `  refusal rows kept: ${rejectedRows} (cap ${61 * Math.ceil(minutes + 1)} for ${minutes.toFixed(2)} min)`,
      ].join("\n"),
    );
  },
  Math.max(120_000, runs * 150),
);
