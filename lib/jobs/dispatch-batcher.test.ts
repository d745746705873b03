import { describe, expect, it } from "vitest";
import { createDispatchBatcher, type DispatchResult } from "./dispatch";

describe("createDispatchBatcher", () => {
  it("sends the jobs of concurrent deliveries together, and later ones in a batch of their own", async () => {
    const calls: string[][] = [];
    const dispatch = async (ids: string[]): Promise<DispatchResult> => {
      calls.push([...ids]);
      return { sent: ids, failed: [] };
    };
    const batch = createDispatchBatcher(dispatch, 5);

    const [a, b, c] = await Promise.all([batch(["job-a"]), batch(["job-b"]), batch(["job-c"])]);
    expect(calls).toEqual([["job-a", "job-b", "job-c"]]);
    expect(a).toEqual({ sent: ["job-a", "job-b", "job-c"], failed: [] });
    expect(b).toBe(a);
    expect(c).toBe(a);

    await batch(["job-d"]);
    expect(calls).toEqual([["job-a", "job-b", "job-c"], ["job-d"]]);
  });

  it("reports a failed batch to every caller in it", async () => {
    const batch = createDispatchBatcher(
      async (ids) => ({ sent: [], failed: ids.map((jobId) => ({ jobId, error: "Inngest unreachable" })) }),
      5,
    );
    const [first, second] = await Promise.all([batch(["x"]), batch(["y"])]);
    expect(first.failed.map((f) => f.jobId)).toEqual(["x", "y"]);
    expect(second).toBe(first);
  });
});
