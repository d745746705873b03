// Races between functions settle themselves. Seen in the demo: an invoice for an order with a product made
// Vendus create the article (an unknown reference on a document line creates it) between the product sync's
// lookup and its create, and the sync failed for good with "Já existe um artigo com a referência …".
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createVendusClient } from "@/lib/vendus/client";
import { DEFAULT_SIMULATOR_API_KEY } from "@/simulators/vendus";
import { interleaveBefore } from "../support/interleave";
import { startHarness, vendusDocumentsFor, type Harness } from "./harness";

/** Runs `between` once, right before the first product POST carrying `reference` reaches Vendus. */
function beforeProductPost(h: Harness, reference: string, between: () => Promise<void>) {
  return interleaveBefore(
    ({ url, method, body }) =>
      method === "POST" &&
      url.href.startsWith(h.vendus.url) &&
      url.pathname.endsWith("/products/") &&
      body.includes(`"reference":"${reference}"`),
    between,
  );
}

describe("catalogue races", () => {
  let h: Harness;
  beforeAll(async () => {
    // interleaveBefore forces each race by intercepting the global fetch.
    h = await startHarness({ globalFetch: true });
  });
  afterAll(async () => h?.close());
  afterEach(() => vi.restoreAllMocks());

  const articles = (reference: string) => h.vendus.control.products().filter((p) => p.reference === reference);

  it("a product sync that finds its reference taken by an invoice's article updates that article", async () => {
    let orderId = 0;
    const race = beforeProductPost(h, "LIV-AZ-01", async () => {
      // Between the sync's lookup (nothing) and its create, an order with the product is paid and invoiced.
      const order = h.control.createOrder({
        products: [{ name: "Livro azul", sku: "LIV-AZ-01", qty: 1, price: 12.3 }],
        nif: "123456789",
        customer: { email: "rui@example.com", fullname: "Rui Costa" },
      });
      orderId = order.id;
      h.control.payOrder(order.id);
      await vi.waitFor(() => expect(vendusDocumentsFor(h, order.id)).toHaveLength(1), { timeout: 20_000 });
      expect(articles("LIV-AZ-01")).toHaveLength(1);
    });
    const product = h.control.createProduct({
      name: "Livro azul (capa dura)",
      sku: "LIV-AZ-01",
      brand: "Edições Ponte",
      categories: ["Livros"],
      price: 14.9,
      stock: 4,
    });
    await h.settle();

    expect(race.happened()).toBe(true);
    expect(vendusDocumentsFor(h, orderId)).toHaveLength(1);
    // One article, the invoice's, now carrying the shop's title, price, brand and category.
    const [article] = articles("LIV-AZ-01");
    expect(articles("LIV-AZ-01")).toHaveLength(1);
    expect(article).toMatchObject({ title: "Livro azul (capa dura)", gross_price: "14.90", stock_control: 1 });
    expect(article!.brand_id).toBeTruthy();
    expect(article!.category_id).toBeTruthy();
    const mapping = await h.db.productMapping.findFirstOrThrow({ where: { jumpsellerProductId: product.id } });
    expect(mapping.vendusProductId).toBe(article!.id);
    const jobs = await h.db.job.findMany({ where: { subject: String(product.id) } });
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.map((j) => j.status)).toEqual(jobs.map(() => "succeeded"));
  });

  it("a stock change for a product not yet in Vendus creates it, converging with an article created meanwhile", async () => {
    // The shop's product exists before Ponte hears of it (no product hooks delivered for it).
    h.control.suppressWebhooks(1, "product_created");
    const product = h.control.createProduct({ name: "Livro verde", sku: "LIV-VD-02", price: 9.5, stock: 3 });
    await h.settle();
    expect(articles("LIV-VD-02")).toHaveLength(0);

    const race = beforeProductPost(h, "LIV-VD-02", async () => {
      const order = h.control.createOrder({
        products: [{ name: "Livro verde", sku: "LIV-VD-02", qty: 1, price: 9.5 }],
        nif: null,
        customer: { email: "eva@example.com", fullname: "Eva Lopes" },
      });
      h.control.payOrder(order.id);
      await vi.waitFor(() => expect(vendusDocumentsFor(h, order.id)).toHaveLength(1), { timeout: 20_000 });
    });
    h.control.setStock(product.id, null, 7);
    await h.settle();

    expect(race.happened()).toBe(true);
    const [article] = articles("LIV-VD-02");
    expect(articles("LIV-VD-02")).toHaveLength(1);
    expect(article).toMatchObject({ title: "Livro verde", stock_control: 1 });
    const vendus = createVendusClient({ apiKey: DEFAULT_SIMULATOR_API_KEY, baseUrl: h.vendus.url });
    expect((await vendus.getStock(article!.id)).total).toBe(7);
    const mapping = await h.db.productMapping.findFirstOrThrow({ where: { jumpsellerProductId: product.id } });
    expect(mapping).toMatchObject({ vendusProductId: article!.id, lastStock: 7 });
    const jobs = await h.db.job.findMany({ where: { subject: String(product.id), kind: "sync_stock" } });
    expect(jobs.map((j) => j.status)).toEqual(["succeeded"]);
  });
});
