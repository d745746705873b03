// Contract tests: every client call against the in-process Jumpseller simulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceFailure } from "@/tests/support/service-error";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "@/simulators/jumpseller";
import { createJumpsellerClient, type JumpsellerClient } from "./client";

let sim: JumpsellerSimulator;
let client: JumpsellerClient;

beforeAll(async () => {
  sim = await startJumpsellerSimulator({
    storeCode: "loja-teste",
    login: "loja",
    authtoken: "a".repeat(32),
    hooksToken: "hooks-secret",
    rateLimit: false,
  });
  client = createJumpsellerClient({
    auth: { kind: "private", login: "loja", authtoken: "a".repeat(32) },
    baseUrl: sim.url,
    retryDelayMs: 0,
  });
});
afterAll(() => sim.close());

describe("store and hooks", () => {
  it("reads the store info from the live wrapped shape and from the flat shape of the spec", async () => {
    const wrapped = await client.getStoreInfo();
    expect(wrapped).toMatchObject({
      code: "loja-teste",
      currency: "EUR",
      country: "PT",
      timezone: "Europe/Lisbon",
      hooks_token: "hooks-secret",
    });
    sim.control.setStoreInfoShape("flat");
    try {
      expect((await client.getStoreInfo()).code).toBe("loja-teste");
    } finally {
      sim.control.setStoreInfoShape("wrapped");
    }
  });

  it("creates, lists and deletes hooks", async () => {
    const hook = await client.createHook("order_paid", "https://ponte.example/api/webhooks/jumpseller");
    expect(hook).toMatchObject({ event: "order_paid", url: "https://ponte.example/api/webhooks/jumpseller" });
    expect((await client.listHooks()).map((h) => h.id)).toContain(hook.id);
    await client.deleteHook(hook.id);
    expect((await client.listHooks()).map((h) => h.id)).not.toContain(hook.id);
    expect((await serviceFailure(client.deleteHook(hook.id))).kind).toBe("not_found");
  });

  it("reports a refused hook as a validation error with Jumpseller's message", async () => {
    const error = await serviceFailure(client.createHook("order_created" as never, "https://ponte.example/x"));
    expect(error).toMatchObject({ kind: "validation", status: 400, service: "jumpseller" });
    expect(error.message).toContain("Event is not included in the list");
  });
});

describe("orders", () => {
  it("gets an order, lists by status and after an id, and counts", async () => {
    const a = sim.control.createOrder({
      products: [{ name: "Caneca", qty: 1, price: 10, taxRate: 23 }],
      nif: "PT 123 456 789",
    });
    const b = sim.control.createOrder({ products: [{ name: "Livro", qty: 2, price: 15, taxRate: 6 }] });
    sim.control.payOrder(b.id);

    const order = await client.getOrder(a.id);
    expect(order).toMatchObject({ id: a.id, status_enum: "pending_payment", total: 10, currency: "EUR" });
    expect(order.billing_address?.taxid).toBe("PT 123 456 789");
    expect(typeof order.customer?.id).toBe("number");

    expect((await client.listOrdersByStatus("paid", { page: 1, limit: 50 })).map((o) => o.id)).toContain(b.id);
    expect((await client.listOrdersAfter(a.id, { limit: 10 })).map((o) => o.id)).toEqual([b.id]);
    expect(await client.countOrders()).toBeGreaterThanOrEqual(2);
  });

  it("attaches an invoice and a history note to the order", async () => {
    const o = sim.control.createOrder({ products: [{ name: "Caneca", qty: 1, price: 10, taxRate: 23 }] });
    const doc = await client.attachDocument(o.id, {
      documentType: "invoice",
      externalId: "42",
      publicId: "FR 2025/7",
      url: "https://ponte.example/d/42.pdf",
    });
    expect(doc).toMatchObject({ document_type: 1, public_id: "FR 2025/7", order_id: o.id });
    await client.attachDocument(o.id, {
      documentType: "credit_note",
      externalId: "43",
      publicId: "NC 2025/1",
      url: "https://ponte.example/d/43.pdf",
    });
    expect(sim.control.documents(o.id).map((d) => [d.document_type, d.external_id])).toEqual([
      [1, "42"],
      [0, "43"],
    ]);
    expect((await client.listOrderDocuments(o.id)).map((d) => d.public_id)).toEqual(["FR 2025/7", "NC 2025/1"]);

    const note = await client.addOrderHistory(o.id, "Fatura FR 2025/7 emitida");
    expect(note.message).toBe("Fatura FR 2025/7 emitida");
    expect(sim.control.history(o.id).map((h) => h.message)).toEqual(["Fatura FR 2025/7 emitida"]);
  });

  it("maps 404 to not_found", async () => {
    const error = await serviceFailure(client.getOrder(999_999));
    expect(error).toMatchObject({ kind: "not_found", status: 404 });
  });
});

describe("products and customers", () => {
  it("reads products, variants, products after an id, and a customer", async () => {
    const plain = sim.control.createProduct({
      name: "Caneca",
      sku: "CAN-1",
      barcode: "560001",
      brand: "Ponte",
      price: 12.5,
      stock: 4,
      categories: ["Casa"],
    });
    const tee = sim.control.createProduct({
      name: "T-shirt",
      sku: "TSH",
      price: 20,
      variants: [{ sku: "TSH-M", barcode: "560002", price: 21, stock: 3, options: { Tamanho: "M" } }],
    });
    expect(await client.getProduct(plain.id)).toMatchObject({
      sku: "CAN-1",
      barcode: "560001",
      brand: "Ponte",
      price: 12.5,
      stock: 4,
      categories: [{ name: "Casa" }],
    });
    expect((await client.listProducts({ limit: 100 })).map((p) => p.id)).toEqual(
      expect.arrayContaining([plain.id, tee.id]),
    );
    expect((await client.listProductsAfter(plain.id)).map((p) => p.id)).toEqual([tee.id]);
    expect(await client.listVariants(tee.id)).toMatchObject([
      { sku: "TSH-M", price: 21, stock: 3, options: [{ name: "Tamanho", value: "M" }] },
    ]);

    const order = sim.control.createOrder({
      products: [{ productId: tee.id, variantId: tee.variants[0]?.id, qty: 1, taxRate: 23 }],
      customer: { email: "ana@example.com", fullname: "Ana Silva" },
    });
    // Orders carry the customer id as a string, as live stores do.
    const customer = await client.getCustomer((order.customer as { id: string }).id);
    expect(customer).toMatchObject({ email: "ana@example.com", fullname: "Ana Silva" });
  });
});

describe("errors", () => {
  it("maps bad credentials to auth", async () => {
    const wrong = createJumpsellerClient({
      auth: { kind: "private", login: "loja", authtoken: "wrong" },
      baseUrl: sim.url,
    });
    expect(await serviceFailure(wrong.getStoreInfo())).toMatchObject({ kind: "auth", status: 401 });
  });

  it("retries a read once on 5xx, then reports transient", async () => {
    sim.control.failNext(1, { status: 503 });
    expect((await client.getStoreInfo()).code).toBe("loja-teste");
    sim.control.failNext(2, { status: 500 });
    const error = await serviceFailure(client.countOrders());
    expect(error).toMatchObject({ kind: "transient", status: 500 });
    expect(error.isRetriable).toBe(true);
  });

  it("never retries a write", async () => {
    const o = sim.control.createOrder({ products: [{ name: "Caneca", qty: 1, price: 10, taxRate: 23 }] });
    const before = sim.control.requests().length;
    sim.control.failNext(1, { status: 502 });
    expect(await serviceFailure(client.addOrderHistory(o.id, "nota"))).toMatchObject({
      kind: "transient",
      status: 502,
    });
    expect(
      sim.control
        .requests()
        .slice(before)
        .filter((r) => r.method === "POST"),
    ).toHaveLength(1);
    expect(sim.control.history(o.id)).toEqual([]);
  });

  it("reports a timeout as transient", async () => {
    const slow = createJumpsellerClient({
      auth: { kind: "private", login: "loja", authtoken: "a".repeat(32) },
      baseUrl: sim.url,
      timeoutMs: 50,
      retryDelayMs: 0,
    });
    sim.control.setLatency(2_000);
    try {
      const error = await serviceFailure(slow.getStoreInfo());
      expect(error.kind).toBe("transient");
      expect(error.message).toContain("timed out after 50 ms");
    } finally {
      sim.control.setLatency(0);
    }
  });

  it("reports an unreachable server as transient", async () => {
    const gone = createJumpsellerClient({
      auth: { kind: "private", login: "x", authtoken: "y" },
      baseUrl: "http://127.0.0.1:1/v1",
      retryDelayMs: 0,
    });
    expect((await serviceFailure(gone.getStoreInfo())).kind).toBe("transient");
  });

  it("maps 409 to conflict and 422 to validation", async () => {
    sim.control.failNext(1, { status: 409, body: { message: "Conflict" } });
    expect((await serviceFailure(client.addOrderHistory(1, "x"))).kind).toBe("conflict");
    const o = sim.control.createOrder({ products: [{ name: "Caneca", qty: 1, price: 10, taxRate: 23 }] });
    const doc = {
      documentType: "invoice",
      externalId: "1",
      publicId: "FT 1",
      url: "https://ponte.example/1.pdf",
    } as const;
    await client.attachDocument(o.id, doc);
    const error = await serviceFailure(client.attachDocument(o.id, doc));
    expect(error).toMatchObject({ kind: "validation", status: 422 });
    expect(error.message).toContain("Public has already been taken");
  });
});
