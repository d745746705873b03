import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startVendusSimulator } from "@/simulators/vendus";
import { createVendusClient } from "./client";

const sim = await startVendusSimulator({ apiKeys: ["acc-key"], region: "PT-AC" });
const vendus = createVendusClient({ apiKey: "acc-key", baseUrl: sim.url, retryDelayMs: 0 });
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

describe("Vendus client: account and reference data", () => {
  it("reads the account and maps its country to a VAT region", async () => {
    await expect(vendus.getAccount()).resolves.toEqual({
      id: 90001,
      company: "Loja Exemplo, Lda.",
      fiscalId: "509100015",
      country: "PT-AC",
      region: "PT-AC",
      defaultTaxId: "NOR",
    });
    const [request] = sim.control.requests();
    expect(request).toMatchObject({ method: "GET", path: "/account/", query: {} });
  });

  it("works with a base URL without the trailing slash", async () => {
    const client = createVendusClient({ apiKey: "acc-key", baseUrl: sim.url.replace(/\/$/, "") });
    await expect(client.getAccount()).resolves.toMatchObject({ fiscalId: "509100015" });
  });

  it("lists registers (read-only), stores and payment methods with numeric ids", async () => {
    const registers = await vendus.listRegisters();
    expect(registers.map((r) => [r.id, r.storeId, r.mode, r.isActive])).toEqual([
      [101, 11, "normal", true],
      [102, 11, "tests", true],
      [103, 12, "normal", false],
    ]);
    expect((await vendus.listRegisters({ storeId: 12 })).map((r) => r.id)).toEqual([103]);
    expect((await vendus.listStores()).map((s) => s.title)).toEqual(["Loja Online", "Armazém"]);
    const methods = await vendus.listPaymentMethods();
    expect(methods.map((m) => `${m.id}:${m.type}`)).toEqual([
      "301:NU",
      "302:CC",
      "303:CD",
      "304:MB",
      "305:MBWAY",
      "306:TB",
      "307:OU",
    ]);
  });

  it("reads the region's rates as numbers and every exemption in one call", async () => {
    expect((await vendus.listTaxes()).map((t) => [t.id, t.rate])).toEqual([
      ["NOR", 16],
      ["INT", 9],
      ["RED", 4],
      ["ISE", 0],
    ]);
    const exemptions = await vendus.listExemptions();
    expect(exemptions).toHaveLength(31);
    expect(exemptions[6]).toEqual({ id: "M07", text: "Isento artigo 9.º do CIVA", law: "Artigo 9.º do CIVA" });
    expect(sim.control.requests({ pathPrefix: "/taxes/exemptions/" })[0]!.query).toEqual({
      page: "1",
      per_page: "1000",
    });
  });

  it("follows X-Paginator-Pages when a collection spans pages", async () => {
    const paged = createVendusClient({
      apiKey: "acc-key",
      baseUrl: sim.url,
      // Vendus may cap per_page below what was asked: simulate a cap of 10.
      fetch: (input, init) => fetch(String(input).replace("per_page=1000", "per_page=10"), init),
    });
    expect(await paged.listExemptions()).toHaveLength(31);
    expect(sim.control.requests({ pathPrefix: "/taxes/exemptions/" }).map((r) => r.query.page)).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
  });

  it("remembers the Rate-Limit-* headers of the last answer", async () => {
    sim.control.setRateLimit({ limit: 50, windowSeconds: 20 });
    await vendus.listStores();
    expect(vendus.lastRateLimit()).toMatchObject({ limit: 50, remaining: 49, used: 1, resetSeconds: 20 });
  });

  it("turns the 404 A001 'No data' of an empty list into [] (and null for finders)", async () => {
    await expect(vendus.findClientByFiscalId("234567899")).resolves.toBeNull();
    await expect(vendus.findProductByReference("NOPE")).resolves.toBeNull();
    expect(sim.control.requests().map((r) => r.status)).toEqual([404, 404]);
  });

  it("does not mistake a 404 from the wrong host or path for an empty list", async () => {
    const misconfigured = createVendusClient({ apiKey: "acc-key", baseUrl: sim.url.replace("ws/v1.1/", "api/") });
    await expect(misconfigured.listTaxes()).rejects.toMatchObject({
      service: "vendus",
      kind: "not_found",
      status: 404,
    });
  });
});
