// Products and stock: Jumpseller → Vendus, one Vendus product per variant.
import { describe, expect, it } from "vitest";
import { createVendusClient } from "@/lib/vendus/client";
import { DEFAULT_SIMULATOR_API_KEY } from "@/simulators/vendus";
import { useHarness } from "./harness";

describe("product and stock sync", () => {
  const h = useHarness();

  const vendusProduct = (reference: string) => h.vendus.control.products().find((p) => p.reference === reference);

  it("creates one Vendus product per variant, with brand, category, price and tax; then resets their stock", async () => {
    const product = h.control.createProduct({
      name: "T-shirt Ponte",
      brand: "Ponte Wear",
      categories: ["Roupa"],
      price: 20,
      variants: [
        { sku: "TS-M", barcode: "5601234567890", options: { Tamanho: "M" }, stock: 5 },
        { sku: "TS-L", options: { Tamanho: "L" }, stock: 3 },
      ],
    });
    await h.settle();

    const medium = vendusProduct("TS-M");
    const large = vendusProduct("TS-L");
    expect(medium).toMatchObject({
      title: "T-shirt Ponte (Tamanho: M)",
      barcode: "5601234567890",
      gross_price: "20.00",
      tax_id: "NOR",
      stock_control: 1,
    });
    expect(large).toMatchObject({ title: "T-shirt Ponte (Tamanho: L)", gross_price: "20.00" });
    expect(medium!.brand_id).toBeTruthy();
    expect(medium!.category_id).toBeTruthy();
    expect(large!.brand_id).toBe(medium!.brand_id);
    const mappings = await h.db.productMapping.findMany({
      where: { jumpsellerProductId: product.id },
      orderBy: { reference: "asc" },
    });
    expect(mappings.map((m) => [m.reference, m.vendusProductId])).toEqual([
      ["TS-L", large!.id],
      ["TS-M", medium!.id],
    ]);

    const variantM = product.variants.find((v: { sku: string | null }) => v.sku === "TS-M")!;
    const variantL = product.variants.find((v: { sku: string | null }) => v.sku === "TS-L")!;
    h.control.setStock(product.id, variantM.id, 7);
    await h.settle();
    const vendus = createVendusClient({ apiKey: DEFAULT_SIMULATOR_API_KEY, baseUrl: h.vendus.url });
    expect((await vendus.getStock(medium!.id)).total).toBe(7);

    h.control.setStock(product.id, variantL.id, null);
    await h.settle();
    expect(vendusProduct("TS-L")).toMatchObject({ stock_control: 0 });
    expect(await h.db.productMapping.findFirstOrThrow({ where: { reference: "TS-L" } })).toMatchObject({
      stockUnlimited: true,
    });
  });

  it("updates the same Vendus product when the product changes, and gives products without SKU a stable reference", async () => {
    const product = h.control.createProduct({ name: "Caneca", price: 8.5, stock: 10 });
    await h.settle();
    const created = vendusProduct(`JS-${product.id}`);
    expect(created).toMatchObject({ title: "Caneca", gross_price: "8.50" });

    h.control.updateProduct(product.id, { name: "Caneca grande", price: 9.9 });
    await h.settle();
    expect(vendusProduct(`JS-${product.id}`)).toMatchObject({
      id: created!.id,
      title: "Caneca grande",
      gross_price: "9.90",
    });
    expect(h.vendus.control.products().filter((p) => p.reference === `JS-${product.id}`)).toHaveLength(1);
    const jobs = await h.db.job.findMany({ where: { subject: String(product.id), kind: "sync_product" } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: "succeeded", dispatchCount: 1 });
  });
});
