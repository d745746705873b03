// A Jumpseller outage (reading the order fails) is waited out like a Vendus one: jobs wait for Jumpseller,
// its breaker is probed with the store's own credentials, and the orders are invoiced once it answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchOutages } from "@/lib/outages/watch";
import { pipelineServices } from "@/lib/pipeline/services";
import { placePaidOrder, startHarness, vendusDocumentsFor, type Harness } from "../pipeline/harness";

describe("a Jumpseller outage", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hooks: ["order_paid"] });
  });
  afterAll(async () => h?.close());

  it("parks the jobs while the shop's API answers 503, and invoices every order once it is back", async () => {
    const orders = [placePaidOrder(h), placePaidOrder(h), placePaidOrder(h), placePaidOrder(h)];
    h.control.failNext(Number.POSITIVE_INFINITY, { status: 503 });
    await h.settle();

    const jobs = await h.db.job.findMany({ where: { storeId: h.storeId } });
    expect(jobs.map((j) => [j.status, j.waitingFor])).toEqual(Array(4).fill(["waiting", "jumpseller"]));
    expect(h.vendus.control.requests()).toHaveLength(0);
    const breaker = await h.db.serviceBreaker.findFirstOrThrow({ where: { service: "jumpseller" } });
    expect(breaker).toMatchObject({ key: h.storeId });
    expect(breaker.openedAt).not.toBeNull();

    const down = await watchOutages({ services: pipelineServices() }, breaker.nextProbeAt!);
    expect(down.probes).toMatchObject([{ service: "jumpseller", up: false }]);
    expect(h.resend.emails().map((e) => e.subject)).toEqual(["Ponte: a Jumpseller não responde (Loja de Teste)"]);

    h.control.clearFaults();
    const up = await watchOutages({ services: pipelineServices() }, down.probes[0]!.nextProbeAt!);
    expect(up.probes).toMatchObject([{ service: "jumpseller", up: true, resumed: 4 }]);
    await h.settle();
    for (const order of orders) expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    expect(await h.db.job.count({ where: { storeId: h.storeId, status: "succeeded" } })).toBe(4);
    expect(await h.db.job.count({ where: { storeId: h.storeId, status: "failed" } })).toBe(0);
  });
});
