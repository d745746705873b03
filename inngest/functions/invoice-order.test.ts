// invoice-order's control flow, with every step mocked (@inngest/test): which steps run for each outcome.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { invoiceRequested } from "@/lib/inngest/events";
import { invoiceOrder } from "./invoice-order";

const event = invoiceRequested.create(
  { jobId: "job-1", storeId: "store-1", dispatchCount: 0, vendusKey: "k" },
  { id: "job-1:0" },
);

function engine(steps: { id: string; handler: () => unknown }[]) {
  return new InngestTestEngine({
    function: invoiceOrder,
    events: [{ name: event.name, data: event.data, id: event.id }],
    steps,
  });
}

const stepIds = (ctx: { step: { run: { mock: { calls: unknown[][] } } } }) =>
  ctx.step.run.mock.calls.map((call) => call[0]);

describe("invoice-order (steps mocked)", () => {
  it("does nothing when the run is stale (a newer dispatch of the job exists)", async () => {
    const { result, ctx } = await engine([
      { id: "start", handler: () => ({ state: "stale", status: "queued" }) },
    ]).execute();
    expect(result).toEqual({ ran: false, reason: "stale" });
    expect(stepIds(ctx as never)).toEqual(["start"]);
  });

  it("issues, attaches, notes and finishes a new invoice", async () => {
    const { result, ctx } = await engine([
      { id: "start", handler: () => ({ state: "started", subject: "1001" }) },
      { id: "read-order-and-build", handler: () => ({ next: "issue", orderId: "order-1" }) },
      { id: "issue-in-vendus", handler: () => ({ documentId: "doc-1", how: "created" }) },
      { id: "tell-jumpseller-and-finish", handler: () => ({ finished: true }) },
    ]).execute();
    expect(result).toEqual({ ran: true, documentId: "doc-1" });
    // Four steps per invoiced order: the budget is at most four.
    expect(stepIds(ctx as never)).toEqual([
      "start",
      "read-order-and-build",
      "issue-in-vendus",
      "tell-jumpseller-and-finish",
    ]);
  });

  it("never calls Vendus again when the order already has its invoice, but still attaches it", async () => {
    const { result, ctx } = await engine([
      { id: "start", handler: () => ({ state: "started", subject: "1001" }) },
      { id: "read-order-and-build", handler: () => ({ next: "done", orderId: "order-1", documentId: "doc-9" }) },
      { id: "tell-jumpseller-and-finish", handler: () => ({ finished: true }) },
    ]).execute();
    expect(result).toEqual({ ran: true, documentId: "doc-9" });
    expect(stepIds(ctx as never)).not.toContain("issue-in-vendus");
  });

  it("ends the run without calling anyone when the store's Vendus is known to be down (the job waits)", async () => {
    const { result, ctx } = await engine([
      { id: "start", handler: () => ({ parked: true, reason: "vendus", retryAt: null }) },
    ]).execute();
    expect(result).toEqual({ ran: false, reason: "waiting", waitingFor: "vendus" });
    expect(stepIds(ctx as never)).toEqual(["start"]);
  });

  it("ends the run when a step parked the job (Vendus stopped answering mid-run)", async () => {
    const { result, ctx } = await engine([
      { id: "start", handler: () => ({ state: "started", subject: "1001" }) },
      { id: "read-order-and-build", handler: () => ({ next: "issue", orderId: "order-1" }) },
      { id: "issue-in-vendus", handler: () => ({ parked: true, reason: "vendus", retryAt: null }) },
    ]).execute();
    expect(result).toEqual({ ran: false, reason: "waiting", waitingFor: "vendus" });
    expect(stepIds(ctx as never)).not.toContain("tell-jumpseller-and-finish");
  });

  it("skips an order that is no longer paid", async () => {
    const { result, ctx } = await engine([
      { id: "start", handler: () => ({ state: "started", subject: "1001" }) },
      {
        id: "read-order-and-build",
        handler: () => ({ next: "skip", orderId: "order-1", reason: "Order #1001 is canceled", code: "not_paid" }),
      },
      { id: "skip", handler: () => ({ finished: true }) },
    ]).execute();
    expect(result).toEqual({ ran: true, skipped: "Order #1001 is canceled" });
    expect(stepIds(ctx as never)).toEqual(["start", "read-order-and-build", "skip"]);
  });
});
