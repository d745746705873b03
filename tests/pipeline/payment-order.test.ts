// A store's invoices reach Vendus in the order its orders were paid, even when the deliveries of a burst are
// stored and dispatched in another order: the later order's invoice waits behind the earlier one's, and goes
// on by itself once that one is issued, or once it failed.
import { describe, expect, it } from "vitest";
import { dispatchJobs } from "@/lib/jobs/dispatch";
import { ingestWebhook } from "@/lib/ingest";
import { placePaidOrder, useHarness, vendusDocumentsFor, type Harness } from "./harness";

/** Pays the orders in this order, with their order_paid deliveries held back by the shop. */
function payWithHeldDeliveries(h: Harness, nifs: (string | null)[]) {
  h.control.suppressWebhooks(nifs.length, "order_paid");
  return nifs.map((nif) => placePaidOrder(h, { nif }));
}

/**
 * Stores the orders' deliveries in the order given, then sends their jobs to Inngest one batch at a time in
 * that same order: runs start in it, as after a burst whose deliveries were stored out of payment order.
 */
async function deliverAndDispatchInOrder(h: Harness, orderIds: number[]) {
  await h.settle();
  const jobIds: string[] = [];
  for (const id of orderIds) {
    const delivery = h.control
      .deliveries()
      .find(
        (d) =>
          d.suppressed && d.event === "order_paid" && (JSON.parse(d.body) as { order: { id: number } }).order.id === id,
      );
    expect(delivery).toBeDefined();
    const stored = await ingestWebhook(
      { ...h.ingest, dispatch: async () => ({ sent: [], failed: [] }) },
      {
        headers: new Headers(delivery!.headers),
        body: new TextEncoder().encode(delivery!.body),
        remoteAddr: "127.0.0.1",
      },
    );
    expect(stored.status).toBe(200);
    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(id) }, select: { id: true, status: true } });
    expect(job.status).toBe("waiting_dispatch");
    jobIds.push(job.id);
  }
  for (const jobId of jobIds) expect((await dispatchJobs(h.db, [jobId])).sent).toEqual([jobId]);
  await h.settle();
}

/** The store's invoices in the order Vendus received them. */
function invoicesInVendus(h: Harness) {
  return h.vendus.control
    .documents()
    .filter((d) => d.type === "FR")
    .sort((a, b) => a.id - b.id)
    .map((d) => d.external_reference);
}

describe("invoices of one store in payment order", () => {
  const h = useHarness({ hooks: ["order_paid"] });

  it("issues the earlier-paid order's invoice first when the later order's delivery was stored and sent first", async () => {
    const [first, second] = payWithHeldDeliveries(h, ["123456789", "123456789"]);
    const before = invoicesInVendus(h);
    await deliverAndDispatchInOrder(h, [second!.id, first!.id]);

    expect(invoicesInVendus(h).slice(before.length)).toEqual([
      `js-${h.storeCode}-${first!.id}`,
      `js-${h.storeCode}-${second!.id}`,
    ]);
    for (const order of [first!, second!]) expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
    const jobs = await h.db.job.findMany({ where: { subject: { in: [String(first!.id), String(second!.id)] } } });
    expect(jobs.map((j) => j.status)).toEqual(["succeeded", "succeeded"]);
    // The later order waited behind the earlier one, without using up its retries or showing an error.
    const later = jobs.find((j) => j.subject === String(second!.id))!;
    const events = await h.db.jobEvent.findMany({ where: { jobId: later.id }, orderBy: { at: "asc" } });
    expect(events.filter((e) => e.type === "parked").map((e) => e.message)).toEqual(["behind_earlier_order"]);
    expect(events.filter((e) => e.type === "error")).toHaveLength(0);
    expect(later.lastErrorCode).toBeNull();
  });

  it("does not hold the later order back behind an earlier one whose invoice fails", async () => {
    // The earlier order's NIF fails its check digit: its invoice is refused at once, for a person to fix.
    const [refused, later] = payWithHeldDeliveries(h, ["123456780", "123456789"]);
    await deliverAndDispatchInOrder(h, [later!.id, refused!.id]);

    const job = (id: number) => h.db.job.findFirstOrThrow({ where: { subject: String(id) } });
    expect((await job(refused!.id)).status).toBe("failed");
    expect((await job(later!.id)).status).toBe("succeeded");
    // It had waited behind the refused one, and went on when that one failed.
    const waited = await h.db.jobEvent.findMany({ where: { job: { subject: String(later!.id) }, type: "parked" } });
    expect(waited.map((e) => e.message)).toEqual(["behind_earlier_order"]);
    expect(vendusDocumentsFor(h, refused!.id)).toHaveLength(0);
    expect(vendusDocumentsFor(h, later!.id)).toHaveLength(1);

    // Nor the orders paid after it: the failed job holds nothing back.
    const next = placePaidOrder(h);
    await h.settle();
    expect((await job(next.id)).status).toBe("succeeded");
    expect(vendusDocumentsFor(h, next.id)).toHaveLength(1);
  });
});
