import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { startInngestStandIn } from "./index";
import { startStandInWithApp } from "./test-app";

describe("Inngest stand-in: events, triggers and sync", () => {
  it("receives events sent with the app's client and answers with their ids", async () => {
    const { standIn, client } = await startStandInWithApp((client) => [
      client.createFunction({ id: "echo", triggers: [{ event: "test/echo" }] }, async ({ event }) => event.data),
    ]);

    const { ids } = await client.send({ name: "test/echo", data: { hello: "world" } });
    await standIn.idle();

    expect(ids).toHaveLength(1);
    expect(standIn.events()).toMatchObject([{ internalId: ids[0], duplicate: false, event: { name: "test/echo" } }]);
    expect(standIn.runs()).toMatchObject([
      { functionId: "stand-in-test-echo", status: "completed", output: { hello: "world" } },
    ]);
  });

  it("runs once for an event id sent twice", async () => {
    const { standIn, client } = await startStandInWithApp((client) => [
      client.createFunction({ id: "dedup", triggers: [{ event: "test/dedup" }] }, async () => "ran"),
    ]);

    const first = await client.send({ id: "order-9-invoice", name: "test/dedup", data: { n: 1 } });
    const second = await client.send({ id: "order-9-invoice", name: "test/dedup", data: { n: 2 } });
    await standIn.idle();

    expect(standIn.runs()).toHaveLength(1);
    expect(second.ids).toEqual(first.ids);
    expect(standIn.events().map((e) => e.duplicate)).toEqual([false, true]);
  });

  it("matches triggers by name and `if` expression", async () => {
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction(
        {
          id: "store-a-only",
          triggers: [{ event: "test/order.*", if: "event.data.storeId == 'a' && event.data.total > 10" }],
        },
        async ({ event }) => event.id,
      ),
    ]);

    standIn.send([
      { id: "match", name: "test/order.paid", data: { storeId: "a", total: 20 } },
      { id: "small", name: "test/order.paid", data: { storeId: "a", total: 5 } },
      { id: "other-store", name: "test/order.paid", data: { storeId: "b", total: 20 } },
      { id: "other-name", name: "test/refund", data: { storeId: "a", total: 20 } },
    ]);
    await standIn.idle();

    expect(standIn.runs().map((r) => r.output)).toEqual(["match"]);
  });

  it("runs cron functions on tick(), only when due at the given time", async () => {
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction(
        { id: "nightly", triggers: [{ cron: "TZ=Europe/Lisbon 0 3 * * *" }] },
        async ({ event }) => event.name,
      ),
    ]);

    expect(standIn.tick(new Date("2025-07-01T03:00:00Z"))).toEqual([]); // 04:00 in Lisbon (summer time)
    expect(standIn.tick(new Date("2025-07-01T02:00:30Z"))).toHaveLength(1);
    standIn.tick();
    await standIn.idle();

    expect(standIn.runs()).toMatchObject([
      { functionId: "stand-in-test-nightly", status: "completed", output: "inngest/scheduled.timer" },
      { functionId: "stand-in-test-nightly", status: "completed" },
    ]);
  });

  it("delivers step.sendEvent events back into the stand-in", async () => {
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction({ id: "fan-out", triggers: [{ event: "test/batch" }] }, async ({ event, step }) => {
        const orders = event.data.orders as number[];
        await step.sendEvent(
          "dispatch",
          orders.map((orderId) => ({ id: `invoice-${orderId}`, name: "test/invoice", data: { orderId } })),
        );
      }),
      client.createFunction(
        { id: "invoice", triggers: [{ event: "test/invoice" }] },
        async ({ event }) => event.data.orderId,
      ),
    ]);

    standIn.send({ name: "test/batch", data: { orders: [1, 2] } });
    await standIn.idle();

    const invoices = standIn.runs().filter((r) => r.functionId === "stand-in-test-invoice");
    expect(invoices.map((r) => [r.eventId, r.output])).toEqual([
      ["invoice-1", 1],
      ["invoice-2", 2],
    ]);
  });

  it("runs parallel steps once each and ends sleeps at once by default", async () => {
    const calls: string[] = [];
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
        const [x, y] = await Promise.all([
          step.run("x", () => (calls.push("x"), 1)),
          step.run("y", () => (calls.push("y"), 2)),
        ]);
        await step.sleep("cool-down", "1h");
        return step.run("sum", () => (calls.push("sum"), x + y));
      }),
    ]);

    standIn.send({ name: "test/parallel" });
    await standIn.idle();

    expect(calls.sort()).toEqual(["sum", "x", "y"]);
    const [run] = standIn.runs();
    expect(run).toMatchObject({ status: "completed", output: 3 });
    expect(run!.steps.map((s) => s.name).sort()).toEqual(["cool-down", "sum", "x", "y"]);
  });

  it("refuses to register an app whose client points at another server", async () => {
    const other = await startInngestStandIn();
    const { standIn, serveUrl } = await startStandInWithApp((client) => [
      client.createFunction({ id: "noop", triggers: [{ event: "test/noop" }] }, async () => null),
    ]);
    try {
      await expect(other.register(serveUrl)).rejects.toThrow(`not with this stand-in: set INNGEST_DEV=${other.url}`);
      expect(standIn.functions().map((f) => f.id)).toEqual(["stand-in-test-noop"]);
      expect(new Inngest({ id: "x", isDev: true, baseUrl: standIn.url }).apiBaseUrl).toBe(standIn.url);
    } finally {
      await other.close();
    }
  });
});
