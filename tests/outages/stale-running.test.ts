// A job whose run died while it was "running" (its process lost, or the database away longer than the whole
// retry window, so neither the run nor its failure handler could write) is not left running: the minute sweep
// sends it again once the run has been silent past its lease. Until then it holds back its store's later
// invoices (payment order); after, both are invoiced in payment order, each once, even when the old run had
// already posted its invoice or is still alive. A run that keeps writing is never sent again.
import { describe, expect, it } from "vitest";
import { ingestWebhook } from "@/lib/ingest";
import { dispatchWaitingJobs, staleCatalogRunningAfterMs, staleRunningAfterMs } from "@/lib/jobs/dispatch";
import { finishJob, startJobRun } from "@/lib/jobs/lifecycle";
import { watchOutages } from "@/lib/outages/watch";
import { issueInvoice, prepareInvoice } from "@/lib/pipeline/invoice";
import { pipelineServices } from "@/lib/pipeline/services";
import { issuePrepared, readPreparedJob } from "@/lib/pipeline/vendus-documents";
import { placePaidOrder, useHarness, vendusCallsFor, vendusDocumentsFor, type Harness } from "../pipeline/harness";

/**
 * A paid order whose delivery was stored and whose run got as far as `until` (its document built, or also
 * posted to Vendus) and then wrote nothing more: its job is left running at this dispatch.
 */
async function orderWhoseRunStopped(h: Harness, until: "built" | "posted") {
  h.control.suppressWebhooks(1, "order_paid");
  const order = placePaidOrder(h);
  await h.settle();
  const delivery = h.control
    .deliveries()
    .find((d) => d.suppressed && (JSON.parse(d.body) as { order: { id: number } }).order.id === order.id);
  const stored = await ingestWebhook(
    { ...h.ingest, dispatch: async () => ({ sent: [], failed: [] }) },
    {
      headers: new Headers(delivery!.headers),
      body: new TextEncoder().encode(delivery!.body),
      remoteAddr: "127.0.0.1",
    },
  );
  expect(stored.status).toBe(200);
  const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id) } });
  const ref = { jobId: job.id, dispatchCount: job.dispatchCount };
  const services = pipelineServices();
  expect((await startJobRun(h.db, ref, "run-that-stopped")).state).toBe("started");
  expect(await prepareInvoice(services, ref)).toMatchObject({ next: "issue" });
  if (until === "posted") {
    await issuePrepared(services, job.id, await readPreparedJob(h.db, job.id), { inPaymentOrder: true });
  }
  return { order, ref };
}

/** The run's last write on its job was at `at`. */
async function lastWrittenAt(h: Harness, jobId: string, at: Date) {
  await h.db.$executeRaw`UPDATE "Job" SET "updatedAt" = ${at} WHERE "id" = ${jobId}`;
}

/** One pass of the minute sweeps (dispatch-waiting, then watch-outages) at `at`, and the work it started. */
async function sweepAt(h: Harness, at: Date) {
  h.clock.set(at);
  const dispatched = await dispatchWaitingJobs(h.db, undefined, at);
  await watchOutages({ services: pipelineServices() }, at);
  await h.settle();
  return dispatched.sent;
}

const jobOf = (h: Harness, orderId: number) => h.db.job.findFirstOrThrow({ where: { subject: String(orderId) } });

/** The store's invoices in the order Vendus received them. */
function invoicesInVendus(h: Harness) {
  return h.vendus.control
    .documents()
    .filter((d) => d.type === "FR")
    .sort((a, b) => a.id - b.id)
    .map((d) => d.external_reference);
}

const minutes = (n: number) => n * 60_000;

describe("a job left running by a run that died", () => {
  const h = useHarness({ hooks: ["order_paid"] });

  it("holds the store's later invoice only until its lease, then both are invoiced in payment order, once", async () => {
    const before = invoicesInVendus(h);
    const earlier = await orderWhoseRunStopped(h, "built");
    const diedAt = new Date();
    await lastWrittenAt(h, earlier.ref.jobId, diedAt);
    const later = placePaidOrder(h);
    await h.settle();
    expect(await jobOf(h, later.id)).toMatchObject({ status: "waiting", waitingFor: "behind_earlier_order" });

    // Within the lease the dead run's job is left alone, and the later invoice keeps waiting behind it.
    expect(await sweepAt(h, new Date(diedAt.getTime() + staleRunningAfterMs - minutes(1)))).toEqual([]);
    expect(await jobOf(h, earlier.order.id)).toMatchObject({
      status: "running",
      dispatchCount: earlier.ref.dispatchCount,
    });
    expect(await jobOf(h, later.id)).toMatchObject({ status: "waiting", waitingFor: "behind_earlier_order" });
    expect(invoicesInVendus(h)).toEqual(before);

    // Once the lease has passed, the next sweep sends it again; the later invoice follows it.
    expect(await sweepAt(h, new Date(diedAt.getTime() + staleRunningAfterMs + 1_000))).toEqual([earlier.ref.jobId]);
    expect(invoicesInVendus(h).slice(before.length)).toEqual([
      `js-${h.storeCode}-${earlier.order.id}`,
      `js-${h.storeCode}-${later.id}`,
    ]);
    for (const order of [earlier.order, later]) {
      expect(vendusDocumentsFor(h, order.id)).toHaveLength(1);
      expect(await jobOf(h, order.id)).toMatchObject({ status: "succeeded" });
      expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } })).toMatchObject({
        invoiceState: "invoiced",
      });
    }
    expect(await jobOf(h, earlier.order.id)).toMatchObject({ dispatchCount: earlier.ref.dispatchCount + 1 });

    // Further sweeps send nothing more.
    expect(await sweepAt(h, new Date(diedAt.getTime() + 2 * staleRunningAfterMs + 2_000))).toEqual([]);
    expect(vendusDocumentsFor(h, earlier.order.id)).toHaveLength(1);
  });

  it("keeps one invoice when the silent run had posted it, and when that run turns out to be alive", async () => {
    const before = invoicesInVendus(h);
    const posted = await orderWhoseRunStopped(h, "posted");
    expect(vendusDocumentsFor(h, posted.order.id)).toHaveLength(1);
    const silentSince = new Date();
    await lastWrittenAt(h, posted.ref.jobId, silentSince);
    const later = placePaidOrder(h);
    await h.settle();
    expect(await jobOf(h, later.id)).toMatchObject({ status: "waiting", waitingFor: "behind_earlier_order" });

    expect(await sweepAt(h, new Date(silentSince.getTime() + staleRunningAfterMs + 1_000))).toEqual([posted.ref.jobId]);
    // The new run looked the invoice up by its external_reference and posted nothing.
    expect(vendusCallsFor(h, posted.order.id).filter((r) => r.method === "POST")).toHaveLength(1);
    expect(invoicesInVendus(h).slice(before.length)).toEqual([
      `js-${h.storeCode}-${posted.order.id}`,
      `js-${h.storeCode}-${later.id}`,
    ]);
    expect(await jobOf(h, posted.order.id)).toMatchObject({ status: "succeeded" });
    expect(await jobOf(h, later.id)).toMatchObject({ status: "succeeded" });

    // The old run, alive after all, goes on: its issue step finds the invoice saved, its finish changes nothing.
    const services = pipelineServices();
    expect(await issueInvoice(services, posted.ref)).toMatchObject({ how: "already saved" });
    expect(await finishJob(h.db, posted.ref, { status: "succeeded" })).toBe(false);
    expect(vendusDocumentsFor(h, posted.order.id)).toHaveLength(1);
    expect(await h.db.document.count({ where: { order: { jumpsellerId: posted.order.id } } })).toBe(1);
  });

  it("never sends again a run that keeps writing, however long it runs", async () => {
    const live = await orderWhoseRunStopped(h, "built");
    const start = new Date();
    // The run writes every 10 minutes; the sweeps see it silent less than its lease, for twice the lease.
    for (let write = 0; write * minutes(10) < 2 * staleRunningAfterMs; write++) {
      const writtenAt = new Date(start.getTime() + write * minutes(10));
      await lastWrittenAt(h, live.ref.jobId, writtenAt);
      expect(await sweepAt(h, new Date(writtenAt.getTime() + minutes(10)))).toEqual([]);
      expect(await jobOf(h, live.order.id)).toMatchObject({ status: "running", dispatchCount: live.ref.dispatchCount });
    }
    expect(vendusDocumentsFor(h, live.order.id)).toHaveLength(0);

    // A catalog job's run may stay silent longer (one step per variant): its lease is longer.
    const catalog = await h.db.job.create({
      data: { storeId: h.storeId, kind: "sync_product", subject: "9999", status: "running", dispatchCount: 1 },
    });
    await lastWrittenAt(h, catalog.id, start);
    expect(await sweepAt(h, new Date(start.getTime() + staleCatalogRunningAfterMs - minutes(1)))).toEqual([
      live.ref.jobId,
    ]);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: catalog.id } })).toMatchObject({ status: "running" });
    await h.db.job.delete({ where: { id: catalog.id } });

    // Once silent past its lease, the invoice run's job is sent again and invoiced once.
    expect(await jobOf(h, live.order.id)).toMatchObject({ status: "succeeded" });
    expect(vendusDocumentsFor(h, live.order.id)).toHaveLength(1);
  });
});
