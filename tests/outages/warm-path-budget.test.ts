// The cost of one invoiced order on the warm path (register known, token fresh, services up), counted on
// what the Inngest stand-in ran and what the simulators received: at most 4 Inngest steps, exactly 1 Vendus
// call (the POST), at most 3 Jumpseller calls (read the order, attach the document, note the history), and at
// most 17 SQL statements (each a round trip) from the webhook's delivery to the finished job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placePaidOrder, startHarness, vendusCallsFor, type Harness } from "../pipeline/harness";
import { recordSqlStatements } from "../support/sql-statements";

const SQL_PER_ORDER = 17;

describe("per invoiced order", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hooks: ["order_paid"] });
  });
  afterAll(async () => h?.close());

  it("takes at most 4 Inngest steps, 1 Vendus call, 3 Jumpseller calls and 17 SQL statements", async () => {
    const jumpsellerBefore = h.control.requests().length;
    // Orders paid one after another, each in a second of its own: the shop allows 20 requests a second, and a
    // burst over that limit (429s waited out) is not the warm path, however fast this machine runs.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1_100));
    const orders: ReturnType<typeof placePaidOrder>[] = [];
    await pause();
    const sql = recordSqlStatements();
    const statements: string[][] = [];
    try {
      for (let i = 0; i < 5; i++) {
        sql.take();
        orders.push(placePaidOrder(h));
        await h.settle();
        statements.push(sql.take());
        await pause();
      }
    } finally {
      sql.stop();
    }

    const runs = h.standIn.runs().filter((r) => r.functionId === "ponte-invoice-order");
    expect(runs).toHaveLength(orders.length);
    for (const run of runs) {
      expect(run.status).toBe("completed");
      expect(run.steps.length).toBeLessThanOrEqual(4);
    }
    // Every Vendus request of the burst, whatever its path: one POST per order, nothing else.
    const vendus = h.vendus.control.requests();
    expect(vendus).toHaveLength(orders.length);
    for (const order of orders) {
      expect(vendusCallsFor(h, order.id).map((r) => `${r.method} ${r.status}`)).toEqual(["POST 201"]);
    }
    // Every Jumpseller API request of the burst, whatever its path.
    const jumpseller = h.control.requests().slice(jumpsellerBefore);
    expect(jumpseller.length).toBeLessThanOrEqual(3 * orders.length);
    for (const order of orders) {
      const forOrder = jumpseller.filter((r) => r.path.startsWith(`/orders/${order.id}`));
      expect(forOrder.length).toBeLessThanOrEqual(3);
      expect(forOrder.map((r) => r.method).sort()).toEqual(["GET", "POST", "POST"]);
    }
    expect(await h.db.document.count()).toBe(orders.length);
    // SQL round trips per order, from the webhook's delivery to the job finished (the first order also
    // loads the store's directory and settings once for the process).
    for (const sent of statements.slice(1)) expect(sent.length).toBeLessThanOrEqual(SQL_PER_ORDER);
  });
});
