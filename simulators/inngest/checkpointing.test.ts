import { describe, expect, it } from "vitest";
import { startStandInWithApp } from "./test-app";

describe("Inngest stand-in: checkpointing, as Inngest Cloud runs an SDK 4 app", () => {
  it("runs all the steps of a run in one request, each exactly once", async () => {
    const calls = { a: 0, b: 0, c: 0 };
    const { standIn } = await startStandInWithApp(
      (client) => [
        client.createFunction({ id: "three-steps", triggers: [{ event: "test/three" }] }, async ({ step }) => {
          const a = await step.run("a", () => ++calls.a);
          const b = await step.run("b", () => a + ++calls.b);
          const c = await step.run("c", () => b + ++calls.c);
          return { total: a + b + c };
        }),
      ],
      { checkpointing: true },
    );

    standIn.send({ name: "test/three", data: {} });
    await standIn.idle();

    expect(calls).toEqual({ a: 1, b: 1, c: 1 });
    const [run] = standIn.runs();
    expect(run).toMatchObject({ status: "completed", output: { total: 6 }, attempts: 1, requests: 1 });
    expect(run!.steps.map((s) => [s.name, s.status])).toEqual([
      ["a", "completed"],
      ["b", "completed"],
      ["c", "completed"],
    ]);
  });

  it("retries a failing step without running again the steps checkpointed before it", async () => {
    const calls = { before: 0, flaky: 0, after: 0 };
    const { standIn } = await startStandInWithApp(
      (client) => [
        client.createFunction({ id: "flaky", triggers: [{ event: "test/flaky" }] }, async ({ step }) => {
          const before = await step.run("before", () => ++calls.before);
          const flaky = await step.run("flaky-call", () => {
            if (++calls.flaky < 2) throw new Error("boom");
            return before * 10;
          });
          await step.run("after", () => ++calls.after);
          return flaky;
        }),
      ],
      { checkpointing: true },
    );

    standIn.send({ name: "test/flaky" });
    await standIn.idle();

    expect(calls).toEqual({ before: 1, flaky: 2, after: 1 });
    const [run] = standIn.runs();
    expect(run).toMatchObject({ status: "completed", output: 10 });
    expect(run!.steps.map((s) => s.name)).toEqual(["before", "flaky-call", "after"]);
  });
});
