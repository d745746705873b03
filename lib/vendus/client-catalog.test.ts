import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startVendusSimulator } from "@/simulators/vendus";
import { createVendusClient } from "./client";
import type { VendusProductInput } from "./types";

const sim = await startVendusSimulator();
const vendus = createVendusClient({ apiKey: sim.apiKeys[0]!, baseUrl: sim.url, retryDelayMs: 0 });
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

describe("Vendus client: products, brands, categories, stock", () => {
  it("creates a product and finds it by exact reference and barcode, prices in cents", async () => {
    const brand = await vendus.findOrCreateBrand("Casa Fina");
    const category = await vendus.findOrCreateCategory("Têxteis");
    const created = await vendus.createProduct({
      title: "Toalha de linho",
      unit_id: 1,
      reference: "TOA-001",
      barcode: "5601234000017",
      gross_price: 24.9,
      tax_id: "NOR",
      brand_id: brand.id,
      category_id: category.id,
      stock_control: 1,
    });
    expect(created).toEqual({
      id: 1001,
      reference: "TOA-001",
      barcode: "5601234000017",
      title: "Toalha de linho",
      grossPriceCents: 2490,
      supplyPriceCents: 0,
      taxId: "NOR",
      unitId: 1,
      categoryId: category.id,
      brandId: brand.id,
      typeId: "P",
      stockControl: true,
      isActive: true,
    });
    expect(sim.control.requests({ method: "POST", pathPrefix: "/products/" }).at(-1)!.body).toMatchObject({
      gross_price: 24.9,
    });
    await expect(vendus.findProductByReference("TOA-001")).resolves.toEqual(created);
    await expect(vendus.findProductByBarcode("5601234000017")).resolves.toEqual(created);
    await expect(vendus.findProductByBarcode("0000")).resolves.toBeNull();
    await expect(vendus.getProduct(created.id)).resolves.toEqual(created);
  });

  it("updates a product and returns it", async () => {
    const { id } = await vendus.createProduct({ title: "Caneca", unit_id: 1, reference: "CAN-1", gross_price: 8 });
    const updated = await vendus.updateProduct(id, { gross_price: 9.5, title: "Caneca grande" });
    expect(updated).toMatchObject({ id, title: "Caneca grande", grossPriceCents: 950, reference: "CAN-1" });
    expect(sim.control.requests({ method: "PATCH" })[0]).toMatchObject({
      path: `/products/${id}/`,
      body: { gross_price: 9.5, title: "Caneca grande" },
    });
  });

  it("refuses a product without unit_id as a validation error carrying P001", async () => {
    const input = { title: "Sem unidade" } as VendusProductInput;
    await expect(vendus.createProduct(input)).rejects.toMatchObject({
      kind: "validation",
      code: "P001",
      status: 403,
      message: "O campo unit_id é obrigatório.",
    });
  });

  it("finds brands and categories by title before creating them", async () => {
    const first = await vendus.findOrCreateBrand("Mar Salgado");
    const again = await vendus.findOrCreateBrand("  mar   salgado ");
    expect(again).toEqual(first);
    expect(sim.control.requests({ method: "POST" })).toHaveLength(1);
    const category = await vendus.findOrCreateCategory("Livros");
    expect(category).toEqual({ id: 501, title: "Livros" });
    expect(await vendus.listUnits()).toEqual([
      { id: 1, title: "Unidade" },
      { id: 2, title: "Quilograma" },
      { id: 3, title: "Serviço" },
    ]);
  });

  it("reads and resets stock per store", async () => {
    const { products } = sim.control.seed({ products: [{ title: "Sal", reference: "SAL", stock: 12 }] });
    const id = products[0]!.id;
    await expect(vendus.getStock(id)).resolves.toEqual({
      total: 12,
      stores: [
        { storeId: 11, stock: 12 },
        { storeId: 12, stock: 0 },
      ],
    });
    await vendus.resetStock({ productId: id, amount: 4, storeId: 12 });
    await vendus.resetStock({ productId: id, amount: 5 });
    await expect(vendus.getStock(id)).resolves.toEqual({
      total: 9,
      stores: [
        { storeId: 11, stock: 5 },
        { storeId: 12, stock: 4 },
      ],
    });
    expect(sim.control.requests({ method: "POST" }).map((r) => r.body)).toEqual([
      { product_id: id, amount: 4, type: "reset", store_id: 12 },
      { product_id: id, amount: 5, type: "reset" },
    ]);
  });
});

describe("Vendus client: clients", () => {
  it("finds a client by fiscal id, creates one, and refuses a second with the same NIF", async () => {
    await expect(vendus.findClientByFiscalId("234567899")).resolves.toBeNull();
    const created = await vendus.createClient({
      fiscal_id: "234567899",
      name: "Maria Santos",
      email: "maria@example.pt",
      country: "PT",
    });
    expect(created).toMatchObject({
      id: 2001,
      fiscalId: "234567899",
      name: "Maria Santos",
      email: "maria@example.pt",
      country: "PT",
    });
    await expect(vendus.findClientByFiscalId("234567899")).resolves.toEqual(created);
    await expect(vendus.getClient(created.id)).resolves.toEqual(created);
    await expect(vendus.createClient({ fiscal_id: "234567899", name: "Outra" })).rejects.toMatchObject({
      kind: "validation",
      code: "A001",
      status: 400,
      message: "Já existe um cliente com o NIF 234567899.",
    });
  });

  it("refuses the consumidor-final NIF and NIFs that fail mod-11", async () => {
    await expect(vendus.createClient({ fiscal_id: "999999990", name: "CF" })).rejects.toMatchObject({
      kind: "validation",
      code: "P001",
    });
    await expect(vendus.createClient({ fiscal_id: "234567890", name: "X" })).rejects.toMatchObject({
      kind: "validation",
      message: "O NIF 234567890 é inválido.",
    });
  });
});
