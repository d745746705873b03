import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startVendusSimulator } from "./server";
import { rawApi, sampleInvoice } from "./testing";

const sim = await startVendusSimulator({ apiKeys: ["key-a", "key-b"], region: "PT-MA" });
const api = rawApi(sim);
const controlUrl = sim.url.replace("ws/v1.1/", "__control/");
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

type Errors = { errors: { code: string; message: string }[] };

describe("Vendus simulator: protocol", () => {
  it("accepts the key as Basic user or api_key parameter, and answers 401 otherwise", async () => {
    expect((await api("GET", "account/")).status).toBe(200);
    expect((await rawApi(sim, "key-b")("GET", "account/")).status).toBe(200);
    expect((await api("GET", "account/?api_key=key-a", undefined, { auth: false })).status).toBe(200);
    expect((await api("GET", "account/", undefined, { auth: false })).status).toBe(401);
    expect((await rawApi(sim, "wrong")("GET", "account/")).status).toBe(401);
  });

  it("pages collections and answers an empty one with 404 A001 No data", async () => {
    const first = await api("GET", "taxes/exemptions/?per_page=10&page=2");
    expect(first.headers.get("x-paginator-items")).toBe("31");
    expect(first.headers.get("x-paginator-pages")).toBe("4");
    expect((first.body as { id: string }[]).map((e) => e.id)).toEqual([
      "M11",
      "M12",
      "M13",
      "M14",
      "M15",
      "M16",
      "M19",
      "M20",
      "M21",
      "M25",
    ]);
    expect(((await api("GET", "taxes/exemptions/")).body as unknown[]).length).toBe(20);
    const empty = await api("GET", "clients/");
    expect(empty.status).toBe(404);
    expect(empty.body).toEqual({ errors: [{ code: "A001", message: "No data" }] });
  });

  it("uses the account region's VAT rates", async () => {
    const taxes = (await api("GET", "taxes/")).body as { id: string; rate: string }[];
    expect(taxes.map((t) => `${t.id}:${t.rate}`)).toEqual(["NOR:22.00", "INT:12.00", "RED:5.00", "ISE:0.00"]);
    expect(((await api("GET", "account/")).body as { country: string }).country).toBe("PT-MA");
  });

  it("lists the document types it issues, and changes with the account (registers, payment methods, types)", async () => {
    const offered = async () =>
      ((await api("GET", "documents/types/?visible_finalize=yes")).body as { id: string }[]).map((t) => t.id);
    expect(await offered()).toEqual(expect.arrayContaining(["FT", "FR", "FS", "NC"]));

    await fetch(`${controlUrl}account`, {
      method: "POST",
      body: JSON.stringify({
        registers: [{ id: 101, mode: "tests" }],
        paymentMethods: [{ id: 305, status: "off" }],
        disabledDocumentTypes: ["FR"],
      }),
    });
    expect(await offered()).not.toContain("FR");
    expect(((await api("GET", "documents/types/")).body as { id: string }[]).map((t) => t.id)).toContain("FR");
    const registers = (await api("GET", "registers/")).body as { id: number; mode: string }[];
    expect(registers.find((r) => r.id === 101)?.mode).toBe("tests");
    const methods = (await api("GET", "documents/paymentmethods/")).body as { id: number; status: string }[];
    expect(methods.find((m) => m.id === 305)?.status).toBe("off");
    const refused = await api("POST", "documents/", sampleInvoice({ type: "FR", register_id: 101 }));
    expect(refused.status).toBe(403);
    expect((refused.body as Errors).errors[0]!.message).toBe("O tipo de documento FR não está disponível.");

    sim.control.reset();
    expect(await offered()).toContain("FR");
  });

  it("sends Rate-Limit-* on every answer and 429s over the credit budget", async () => {
    sim.control.setRateLimit({ limit: 2, windowSeconds: 30 });
    const ok = await api("GET", "account/");
    expect(ok.headers.get("rate-limit-limit")).toBe("2");
    expect(ok.headers.get("rate-limit-remaining")).toBe("1");
    expect(ok.headers.get("rate-limit-used")).toBe("1");
    expect(Number(ok.headers.get("rate-limit-reset"))).toBeGreaterThan(0);
    await api("GET", "account/");
    const over = await api("GET", "account/");
    expect(over.status).toBe(429);
    expect(over.headers.get("rate-limit-remaining")).toBe("0");
  });

  it("validates products: title and unit_id are required (403 P001)", async () => {
    const missing = await api("POST", "products/", { title: "Sem unidade" });
    expect(missing.status).toBe(403);
    expect((missing.body as Errors).errors[0]).toEqual({ code: "P001", message: "O campo unit_id é obrigatório." });
    const created = await api("POST", "products/", {
      title: "Vela",
      unit_id: 1,
      reference: "VEL-1",
      gross_price: "4.5",
    });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: number };
    const patched = await api("PATCH", `products/${id}/`, { gross_price: 5, barcode: "5601" });
    expect(patched.body).toMatchObject({ id, gross_price: "5.00", barcode: "5601", reference: "VEL-1" });
    const stock = await api("POST", "products/stocks/", { product_id: id, amount: 7, type: "reset" });
    expect(stock.body).toEqual({
      product_id: id,
      total: 7,
      stores: [
        { store_id: 11, stock: 7 },
        { store_id: 12, stock: 0 },
      ],
    });
  });

  it("drives seeding, faults and request logs over /__control/", async () => {
    const seed = await fetch(`${controlUrl}seed`, {
      method: "POST",
      body: JSON.stringify({
        products: [{ title: "Sal", reference: "SAL", gross_price: "2.00", brand: "Mar", stock: 3 }],
      }),
    });
    const seeded = (await seed.json()) as { products: { id: number; brand_id: number }[]; brands: unknown[] };
    expect(seeded.products[0]!.brand_id).toBe(401);
    expect(((await api("GET", `products/stocks/${seeded.products[0]!.id}`)).body as { total: number }).total).toBe(3);

    await fetch(`${controlUrl}faults`, {
      method: "POST",
      body: JSON.stringify({ fail: { count: 1, status: 503, method: "GET", pathPrefix: "/products/" } }),
    });
    expect((await api("GET", "account/")).status).toBe(200);
    expect((await api("GET", "products/")).status).toBe(503);
    expect((await api("GET", "products/")).status).toBe(200);

    const log = (await (await fetch(`${controlUrl}requests`)).json()) as {
      method: string;
      path: string;
      status: number;
    }[];
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /products/stocks/1001/ 200",
      "GET /account/ 200",
      "GET /products/ 503",
      "GET /products/ 200",
    ]);
    expect((await fetch(`${controlUrl}reset`, { method: "POST" })).status).toBe(204);
    expect(sim.control.products()).toEqual([]);
  });

  it("records what was posted, for tests to assert on", async () => {
    const body = sampleInvoice({ external_reference: "order-77" });
    await api("POST", "documents/", body);
    expect(sim.control.requests({ method: "POST", pathPrefix: "/documents/" })).toEqual([
      { method: "POST", path: "/documents/", query: {}, body, contentType: "application/json", status: 201 },
    ]);
  });

  it("commits a document and then drops the connection when told to lose the answer", async () => {
    sim.control.loseNextDocumentResponse({ kind: "destroy" });
    await expect(api("POST", "documents/", sampleInvoice({ external_reference: "order-lost" }))).rejects.toThrow();
    const rows = await api("GET", "documents/?external_reference=order-lost");
    expect((rows.body as { number: string }[]).length).toBe(1);
    expect(sim.control.requests({ method: "POST" })[0]!.status).toBeNull();
  });

  it("refuses a bad SAF-T period with P001", async () => {
    const answer = await api("GET", "taxauthority/saft/?year=2026&month=13");
    expect([answer.status, (answer.body as Errors).errors[0]!.code]).toEqual([403, "P001"]);
  });
});
