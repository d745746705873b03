import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { startStandInWithApp } from "./test-app";

describe("Inngest stand-in: running functions", () => {
  it("runs each step exactly once and returns the function's output", async () => {
    const calls = { a: 0, b: 0, c: 0 };
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction({ id: "three-steps", triggers: [{ event: "test/three" }] }, async ({ step }) => {
        const a = await step.run("a", () => ++calls.a);
        const b = await step.run("b", () => a + ++calls.b);
        const c = await step.run("c", () => b + ++calls.c);
        return { total: a + b + c };
      }),
    ]);

    standIn.send({ name: "test/three", data: {} });
    await standIn.idle();

    expect(calls).toEqual({ a: 1, b: 1, c: 1 });
    const [run, ...others] = standIn.runs();
    expect(others).toEqual([]);
    expect(run).toMatchObject({
      functionId: "stand-in-test-three-steps",
      status: "completed",
      output: { total: 6 },
      attempts: 1,
    });
    expect(run!.steps.map((s) => [s.name, s.status, s.attempts])).toEqual([
      ["a", "completed", 1],
      ["b", "completed", 1],
      ["c", "completed", 1],
    ]);
  });

  it("retries a throwing step until it succeeds, counting attempts per step", async () => {
    let tries = 0;
    const seenAttempts: number[] = [];
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction({ id: "flaky", triggers: [{ event: "test/flaky" }] }, async ({ step, attempt }) => {
        await step.run("before", () => "fine");
        const result = await step.run("flaky-call", () => {
          seenAttempts.push(attempt);
          if (++tries < 3) throw new Error(`boom ${tries}`);
          return "ok";
        });
        await step.run("after", () => "fine");
        return result;
      }),
    ]);

    standIn.send({ name: "test/flaky" });
    await standIn.idle();

    const [run] = standIn.runs();
    expect(run).toMatchObject({ status: "completed", output: "ok", attempts: 3 });
    expect(run!.steps.map((s) => [s.name, s.attempts])).toEqual([
      ["before", 1],
      ["flaky-call", 3],
      ["after", 1],
    ]);
    expect(seenAttempts).toEqual([0, 1, 2]);
  });

  it("does not retry a NonRetriableError and calls onFailure once with the original event", async () => {
    let bodyRuns = 0;
    const failures: { original: unknown; name: string; message: string; runId: unknown }[] = [];
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction(
        {
          id: "refuses",
          triggers: [{ event: "test/refuse" }],
          onFailure: async ({ event, error }) => {
            failures.push({
              original: event.data.event,
              name: error.name,
              message: error.message,
              runId: event.data.run_id,
            });
          },
        },
        async ({ step }) => {
          await step.run("refuse", () => {
            bodyRuns++;
            throw new NonRetriableError("invalid NIF");
          });
        },
      ),
    ]);

    standIn.send({ id: "order-1", name: "test/refuse", data: { orderId: 1 } });
    await standIn.idle();

    expect(bodyRuns).toBe(1);
    const runs = standIn.runs();
    const main = runs.find((r) => r.functionId === "stand-in-test-refuses")!;
    expect(main).toMatchObject({
      status: "failed",
      attempts: 1,
      error: { name: "NonRetriableError", message: "invalid NIF" },
    });
    expect(runs.find((r) => r.functionId === "stand-in-test-refuses-failure")).toMatchObject({ status: "completed" });
    expect(failures).toEqual([
      {
        original: expect.objectContaining({ id: "order-1", name: "test/refuse", data: { orderId: 1 } }),
        name: "NonRetriableError",
        message: "invalid NIF",
        runId: main.runId,
      },
    ]);
    const failedEvent = standIn.events().find((e) => e.event.name === "inngest/function.failed");
    expect(failedEvent?.event.data).toMatchObject({ function_id: "stand-in-test-refuses", run_id: main.runId });
  });

  it("waits for the time a RetryAfterError asks for before the next attempt", async () => {
    const attemptsAt: number[] = [];
    let retryAt = 0;
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction({ id: "rate-limited", triggers: [{ event: "test/429" }] }, async ({ step }) =>
        step.run("call-api", () => {
          attemptsAt.push(Date.now());
          if (attemptsAt.length > 1) return "done";
          retryAt = Date.now() + 300;
          throw new RetryAfterError("429 Too Many Requests", new Date(retryAt));
        }),
      ),
    ]);

    standIn.send({ name: "test/429" });
    await standIn.idle();

    expect(standIn.runs()[0]).toMatchObject({ status: "completed", output: "done", attempts: 2 });
    expect(attemptsAt).toHaveLength(2);
    expect(attemptsAt[1]).toBeGreaterThanOrEqual(retryAt);
  });

  it("caps a long Retry-After with maxRetryAfterMs", async () => {
    let calls = 0;
    const { standIn } = await startStandInWithApp(
      (client) => [
        client.createFunction({ id: "slow-down", triggers: [{ event: "test/slow" }] }, async ({ step }) =>
          step.run("call-api", () => {
            if (++calls === 1) throw new RetryAfterError("come back in an hour", "1h");
            return calls;
          }),
        ),
      ],
      { maxRetryAfterMs: 5 },
    );

    standIn.send({ name: "test/slow" });
    await standIn.idle(5_000);

    expect(standIn.runs()[0]).toMatchObject({ status: "completed", output: 2 });
  });

  it("fails the run and calls onFailure when retries are exhausted", async () => {
    let bodyRuns = 0;
    const failures: string[] = [];
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction(
        {
          id: "always-fails",
          retries: 2,
          triggers: [{ event: "test/fail" }],
          onFailure: async ({ error }) => void failures.push(error.message),
        },
        async ({ step }) =>
          step.run("call-vendus", () => {
            bodyRuns++;
            throw new Error("Vendus is down");
          }),
      ),
    ]);

    standIn.send({ name: "test/fail", data: { orderId: 7 } });
    await standIn.idle();

    expect(bodyRuns).toBe(3);
    const main = standIn.runs().find((r) => r.functionId === "stand-in-test-always-fails");
    expect(main).toMatchObject({ status: "failed", attempts: 3, error: { message: "Vendus is down" } });
    expect(main!.steps).toMatchObject([{ name: "call-vendus", status: "failed", attempts: 3 }]);
    expect(failures).toEqual(["Vendus is down"]);
  });

  it("retries errors thrown outside steps as function-level attempts", async () => {
    let calls = 0;
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction({ id: "outside", triggers: [{ event: "test/outside" }] }, async ({ attempt }) => {
        calls++;
        if (attempt < 1) throw new Error("not yet");
        return attempt;
      }),
    ]);

    standIn.send({ name: "test/outside" });
    await standIn.idle();

    expect(calls).toBe(2);
    expect(standIn.runs()[0]).toMatchObject({ status: "completed", output: 1, attempts: 2 });
  });
});
