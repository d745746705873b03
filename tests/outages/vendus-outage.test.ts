// A Vendus outage is waited out: no job fails, jobs wait visibly, one probe at a time checks Vendus at
// growing intervals, and when it answers the waiting orders are invoiced by themselves, once each, in
// payment order, with one e-mail when the outage starts and one when it ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchOutages } from "@/lib/outages/watch";
import { pipelineServices } from "@/lib/pipeline/services";
import { placePaidOrder, startHarness, vendusDocumentsFor, type Harness } from "../pipeline/harness";

const minutes = (n: number) => n * 60_000;

describe("a Vendus outage", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  const watch = (at: Date) => watchOutages({ services: pipelineServices() }, at);
  const probes = () => h.vendus.control.requests({ pathPrefix: "/account/" });

  it("parks the orders paid while Vendus answers 503, and invoices them in payment order once it is back", async () => {
    h.vendus.control.failNext({ count: Number.POSITIVE_INFINITY, status: 503 });
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(placePaidOrder(h));
    await h.settle();

    const jobs = await h.db.job.findMany({
      where: { storeId: h.storeId },
      orderBy: { order: { jumpsellerId: "asc" } },
    });
    expect(jobs).toHaveLength(6);
    // Waiting, never failed; the cause is on each job that met the outage.
    expect(new Set(jobs.map((j) => j.status))).toEqual(new Set(["waiting"]));
    // The first paid for Vendus; the others for it too, or (a run already past its start) behind an earlier order.
    expect(jobs[0]!.waitingFor).toBe("vendus");
    for (const job of jobs) expect(["vendus", "behind_earlier_order"]).toContain(job.waitingFor);
    expect(
      jobs.some((j) => j.lastErrorKind === "transient" && j.lastErrorMessage?.includes("Internal Server Error")),
    ).toBe(true);
    const breaker = await h.db.serviceBreaker.findFirstOrThrow({ where: { service: "vendus" } });
    expect(breaker.openedAt).not.toBeNull();
    // A few POSTs opened the breaker; the later jobs did not call Vendus at all.
    const posts = h.vendus.control.requests({ method: "POST", pathPrefix: "/documents/" });
    expect(posts.length).toBeLessThanOrEqual(4);
    expect(await h.db.order.count({ where: { storeId: h.storeId, invoiceState: "failed" } })).toBe(0);
    const outage = await h.db.outage.findFirstOrThrow({ where: { storeId: h.storeId } });
    expect(outage).toMatchObject({ reason: "vendus", endedAt: null });

    // One e-mail says Vendus is down and how many wait; the failure e-mail is never sent.
    const start = new Date(breaker.openedAt!.getTime() + minutes(1) + 1_000);
    const first = await watch(start);
    expect(first.probes).toMatchObject([{ service: "vendus", up: false }]);
    expect(probes()).toHaveLength(1);
    const emails = h.resend.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Ponte: a Vendus não responde (Loja de Teste)");
    expect(emails[0]!.text).toContain("6 tarefas estão à espera");

    // Growing intervals: the next probe is two minutes later; nothing is probed before.
    const next = first.probes[0]!.nextProbeAt!;
    expect(next.getTime() - start.getTime()).toBe(minutes(2));
    await watch(new Date(next.getTime() - 1_000));
    expect(probes()).toHaveLength(1);
    const second = await watch(next);
    expect(second.probes[0]!.nextProbeAt!.getTime() - next.getTime()).toBe(minutes(4));
    expect(probes()).toHaveLength(2);
    expect(h.resend.emails()).toHaveLength(1);

    // Vendus is back: the next probe finds it, and the waiting orders are invoiced without anyone acting.
    h.vendus.control.clearFaults();
    const back = await watch(second.probes[0]!.nextProbeAt!);
    // The jobs waiting for Vendus are sent again; those behind an earlier order follow it, one after another.
    const behind = jobs.filter((j) => j.waitingFor === "behind_earlier_order").length;
    expect(back.probes).toMatchObject([{ service: "vendus", up: true, resumed: 6 - behind }]);
    await h.settle();

    for (const order of orders) expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    const issued = h.vendus.control
      .documents()
      .filter((d) => d.type !== "RG")
      .sort((a, b) => a.id - b.id)
      .map((d) => d.external_reference);
    expect(issued).toEqual(orders.map((o) => `js-${h.storeCode}-${o.id}`));
    const finished = await h.db.job.findMany({ where: { storeId: h.storeId } });
    expect(finished.map((j) => j.status)).toEqual(Array(6).fill("succeeded"));
    expect(await h.db.order.count({ where: { storeId: h.storeId, invoiceState: "invoiced" } })).toBe(6);

    // The end e-mail, once: the outage is over and six invoices were issued since it began.
    await watch(new Date());
    await watch(new Date());
    const all = h.resend.emails();
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toBe("Ponte: a Vendus voltou a responder (Loja de Teste)");
    expect(all[1]!.text).toContain("foram emitidas 6 faturas");
    expect(await h.db.outage.findFirstOrThrow({ where: { storeId: h.storeId } })).toMatchObject({
      waitingAtStart: 6,
      invoicedSince: 6,
    });
  });

  it("marks an order whose deadline comes during the outage at risk, reports it once, and still invoices it", async () => {
    const before = h.resend.emails().length;
    h.vendus.control.failNext({ count: Number.POSITIVE_INFINITY, status: 503 });
    const order = placePaidOrder(h);
    await h.settle();
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
    expect(job).toMatchObject({ status: "waiting", waitingFor: "vendus", atRiskAt: null });
    // Paid a week ago: its fifth working day is at most one working day away.
    await h.db.order.update({
      where: { id: job.orderId! },
      data: { paidAt: new Date(Date.now() - 7 * 24 * 3_600_000) },
    });

    const now = new Date();
    expect((await watch(now)).atRisk).toBe(1);
    expect((await watch(new Date(now.getTime() + 1_000))).atRisk).toBe(0);
    const marked = await h.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(marked).toMatchObject({ status: "waiting" });
    expect(marked.atRiskAt).not.toBeNull();
    const reports = h.resend
      .emails()
      .slice(before)
      .filter((e) => e.subject.includes("prazo legal"));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.subject).toBe("Ponte: 1 encomenda perto do prazo legal de faturação (Loja de Teste)");
    expect(reports[0]!.text).toContain(`Encomenda #${order.id}`);
    expect(await h.db.auditEvent.count({ where: { action: "order.invoice_at_risk", targetId: job.id } })).toBe(1);

    h.vendus.control.clearFaults();
    const breaker = await h.db.serviceBreaker.findFirstOrThrow({ where: { service: "vendus" } });
    await watch(breaker.nextProbeAt!);
    await h.settle();
    expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded" });
  });
});
