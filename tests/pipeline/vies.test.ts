// A store that confirms EU VAT numbers in VIES: the answer is asked once per invoicing attempt, recorded on
// the order, and decides the exemption; VIES being down is waited out, never a wrong invoice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quickAttempts } from "@/lib/outages/policy";
import { watchOutages } from "@/lib/outages/watch";
import { createPipelineServices, pipelineServices, setPipelineServices } from "@/lib/pipeline/services";
import { startViesSimulator, type ViesSimulator } from "@/simulators/vies/server";
import { startHarness, vendusDocumentsFor, type Harness } from "./harness";

describe("invoice-order with VIES confirmation", () => {
  let h: Harness;
  let vies: ViesSimulator;
  beforeAll(async () => {
    h = await startHarness({ settings: { viesCheck: true } });
    vies = await startViesSimulator({
      registered: { DE129273398: { name: "Möbel GmbH", address: "Torstraße 10, Berlin" } },
    });
    setPipelineServices(createPipelineServices({ db: h.db, publicUrl: "http://ponte.test", viesApiUrl: vies.url }));
  });
  afterAll(async () => {
    await h?.close();
    await vies?.close();
  });

  function placeGermanOrder(vatNumber: string) {
    const order = h.control.createOrder({
      products: [{ name: "Cadeira", sku: "CAD-01", qty: 1, price: 150 }],
      nif: vatNumber,
      country: "Deutschland",
      countryCode: "DE",
      address: { address: "Torstraße 10", city: "Berlin", postal: "10119", region: "Berlin" },
      customer: { email: "einkauf@moebel.de", fullname: "Lena Schmidt" },
    });
    h.control.payOrder(order.id);
    return order;
  }

  it("a number VIES confirms: exempt M16, with the consultation number on the order", async () => {
    const order = placeGermanOrder("DE129273398");
    await h.settle();
    const [document] = vendusDocumentsFor(h, order.id);
    expect(document?.items.map((item) => item.tax.exemption)).toEqual(["M16"]);
    const row = await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } });
    expect(row.viesCheck).toMatchObject({
      vatNumber: "DE129273398",
      valid: true,
      requestIdentifier: expect.stringMatching(/^WAPI/),
      name: "Möbel GmbH",
    });
    expect(row.invoiceWarnings).toEqual([expect.stringContaining("intra-community supply (M16")]);
    expect(vies.requests).toContainEqual({ countryCode: "DE", vatNumber: "129273398" });
  });

  it("a well-formed number VIES does not know: refused with VIES's answer, nothing issued", async () => {
    const order = placeGermanOrder("DE136695976");
    await h.settle();
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(0);
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job).toMatchObject({ status: "failed", lastErrorCode: "invalid_vat_number" });
    expect(job.lastErrorMessage).toContain("VIES answered");
    const row = await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } });
    expect(row.viesCheck).toMatchObject({ vatNumber: "DE136695976", valid: false });
  });

  it("VIES unavailable is waited out: retried, then issued once", async () => {
    vies.failNext("MS_UNAVAILABLE", 2);
    const order = placeGermanOrder("DE129273398");
    await h.settle();
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job.status).toBe("succeeded");
  });

  it("VIES down for longer: the job waits for VIES (never failed), and the order is invoiced when it answers", async () => {
    // Every quick attempt meets the outage; the job is then parked, and VIES answers its next run.
    vies.failNext("MS_UNAVAILABLE", quickAttempts);
    const emailsBefore = h.resend.emails().length;
    const order = placeGermanOrder("DE129273398");
    await h.settle();
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job).toMatchObject({ status: "waiting", waitingFor: "vies", lastErrorKind: "transient" });
    expect(job.lastErrorMessage).toContain("MS_UNAVAILABLE");
    expect(job.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(0);
    expect((await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } })).invoiceState).toBe("pending");
    expect(h.resend.emails()).toHaveLength(emailsBefore);

    expect((await watchOutages({ services: pipelineServices() }, job.retryAt!)).resumed).toBe(1);
    await h.settle();
    const [document] = vendusDocumentsFor(h, order.id);
    expect(document?.items.map((item) => item.tax.exemption)).toEqual(["M16"]);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded" });
  });
});
