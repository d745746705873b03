// A job whose run died while it was "running" (its process lost, or the database away longer than the whole
// retry window, so neither the run nor its failure handler could write) is not left running forever: the
// dispatch-waiting sweep sends it again once the run has been silent past its lease, and the order is
// invoiced once. A run still within its lease is left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchWaitingJobs, staleRunningAfterMs } from "@/lib/jobs/dispatch";
import { placePaidOrder, startHarness, vendusDocumentsFor, type Harness } from "../pipeline/harness";

describe("a job left running by a run that died", () => {
  let h: Harness;
  beforeAll(async () => {
    // No hooks: the orders reach Ponte only as the jobs this test stores.
    h = await startHarness({ hooks: [] });
  });
  afterAll(async () => h?.close());

  /** A paid order whose job a run marked running `silentForMs` ago, and then nothing. */
  async function jobLeftRunning(silentForMs: number) {
    const order = placePaidOrder(h);
    const job = await h.db.job.create({
      data: {
        storeId: h.storeId,
        kind: "invoice_order",
        subject: String(order.id),
        status: "running",
        dispatchCount: 1,
        attempts: 1,
        inngestRunId: "run-that-died",
      },
    });
    const at = new Date(Date.now() - silentForMs);
    await h.db.$executeRaw`UPDATE "Job" SET "startedAt" = ${at}, "updatedAt" = ${at} WHERE "id" = ${job.id}`;
    return { order, job };
  }

  it("sends it again after its lease, and the order is invoiced once", async () => {
    const dead = await jobLeftRunning(staleRunningAfterMs + 60_000);
    const alive = await jobLeftRunning(5 * 60_000);

    const result = await dispatchWaitingJobs(h.db);
    expect(result.sent).toEqual([dead.job.id]);
    await h.settle();

    expect(vendusDocumentsFor(h, dead.order.id)).toHaveLength(1);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: dead.job.id } })).toMatchObject({
      status: "succeeded",
      dispatchCount: 2,
    });
    expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: dead.order.id } })).toMatchObject({
      invoiceState: "invoiced",
    });
    // The run within its lease may still be working: untouched, nothing sent to Vendus for it.
    expect(await h.db.job.findUniqueOrThrow({ where: { id: alive.job.id } })).toMatchObject({
      status: "running",
      dispatchCount: 1,
    });
    expect(vendusDocumentsFor(h, alive.order.id)).toHaveLength(0);

    // A second sweep sends nothing more; the invoice stays single.
    expect((await dispatchWaitingJobs(h.db)).sent).toEqual([]);
    await h.settle();
    expect(vendusDocumentsFor(h, dead.order.id)).toHaveLength(1);
  });
});
