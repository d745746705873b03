import { describe, expect, it } from "vitest";
import { Throttle } from "./flow-control";
import { startStandInWithApp } from "./test-app";
import type { RegisteredFunction } from "./types";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Inngest stand-in: flow control", () => {
  it("never overlaps two runs for the same concurrency key, while runs for other keys go ahead", async () => {
    const spans = new Map<string, { start: number; end?: number }>();
    const releaseA1 = deferred();
    const storeBDone = deferred();
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction(
        {
          id: "invoice-order",
          concurrency: [{ key: "event.data.storeId", limit: 1 }],
          triggers: [{ event: "test/order.paid" }],
        },
        async ({ event, step }) =>
          step.run("issue-invoice", async () => {
            const span: { start: number; end?: number } = { start: performance.now() };
            spans.set(event.id!, span);
            if (event.id === "a1") await releaseA1.promise;
            span.end = performance.now();
            if (event.id === "b2") storeBDone.resolve();
          }),
      ),
    ]);

    standIn.send(["a1", "a2", "b1", "b2"].map((id) => ({ id, name: "test/order.paid", data: { storeId: id[0] } })));
    // Store b's two runs finish while a1 is still inside its step (otherwise this never resolves) …
    await storeBDone.promise;
    // … and meanwhile a2, same store as a1, has not even been sent to the app.
    expect(standIn.runs().find((r) => r.eventId === "a2")).toMatchObject({ status: "queued", requests: 0 });
    releaseA1.resolve();
    await standIn.idle();

    const [a1, a2, b1, b2] = ["a1", "a2", "b1", "b2"].map((id) => spans.get(id)!);
    expect(a1!.end!).toBeLessThanOrEqual(a2!.start);
    expect(b1!.end!).toBeLessThanOrEqual(b2!.start);
    expect(b1!.start).toBeLessThan(a1!.end!);
    expect(standIn.runs().map((r) => r.status)).toEqual(["completed", "completed", "completed", "completed"]);
  });

  it("delays runs beyond a throttle limit instead of dropping them", async () => {
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction(
        {
          id: "throttled",
          throttle: { limit: 2, period: "1s", key: "event.data.storeId" },
          triggers: [{ event: "test/throttled" }],
        },
        async ({ event }) => event.data.n,
      ),
    ]);

    standIn.send([1, 2, 3].map((n) => ({ name: "test/throttled", data: { storeId: "a", n } })));
    standIn.send({ name: "test/throttled", data: { storeId: "b", n: 4 } });
    await standIn.idle();

    const runs = standIn.runs();
    expect(runs.map((r) => [r.status, r.output])).toEqual([
      ["completed", 1],
      ["completed", 2],
      ["completed", 3],
      ["completed", 4],
    ]);
    const waited = runs.map((r) => r.startedAt! - runs[0]!.queuedAt);
    expect(waited[1]).toBeLessThan(400);
    // GCRA: two at once, then one every period / limit = 500 ms. Timers may fire a millisecond early.
    expect(waited[2]).toBeGreaterThanOrEqual(499);
    expect(waited[3]).toBeLessThan(400);
  });

  it("throttles as Inngest's GCRA does: limit + burst at once, then one run every period / limit", () => {
    // Inngest's documented example: limit 2 per 6 s with burst 1, six events 0.5 s apart.
    const fn = { id: "f", throttle: { limit: 2, period: "6s", burst: 1 } } as unknown as RegisteredFunction;
    const event = { id: "e", name: "test/e", data: {}, ts: 0 };
    const throttle = new Throttle();
    const starts = [0, 500, 1_000, 1_500, 2_000, 2_500].map((at) => at + throttle.reserve(fn, event, at));
    expect(starts).toEqual([0, 500, 1_000, 3_000, 6_000, 9_000]);
    // Idle for a whole period: the full capacity is back.
    const later = [20_000, 20_000, 20_000, 20_000].map((at) => at + throttle.reserve(fn, event, at));
    expect(later).toEqual([20_000, 20_000, 20_000, 23_000]);
  });

  it("skips a second run with the same idempotency key", async () => {
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction(
        { id: "once-per-order", idempotency: "event.data.orderId", triggers: [{ event: "test/once" }] },
        async ({ event }) => event.data.orderId,
      ),
    ]);

    standIn.send([
      { id: "first", name: "test/once", data: { orderId: 42 } },
      { id: "second", name: "test/once", data: { orderId: 42 } },
      { id: "third", name: "test/once", data: { orderId: 43 } },
    ]);
    await standIn.idle();

    expect(standIn.runs().map((r) => r.eventId)).toEqual(["first", "third"]);
    expect(standIn.events()[1]!.skipped).toEqual([
      { functionId: "stand-in-test-once-per-order", reason: "idempotency" },
    ]);
  });
});
