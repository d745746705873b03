import { describe, expect, it, vi } from "vitest";
import { startStandInWithApp } from "./test-app";

describe("Inngest stand-in: app configuration and limits", () => {
  it("works with an app configured only by INNGEST_DEV=<stand-in URL>", async () => {
    const { standIn, client } = await startStandInWithApp(
      (client) => [
        client.createFunction({ id: "env-configured", triggers: [{ event: "test/env" }] }, async () => "ok"),
      ],
      {},
      (url) => {
        vi.stubEnv("INNGEST_DEV", url);
        return {};
      },
    );
    try {
      expect(client.mode).toBe("dev");
      await client.send({ name: "test/env" });
      await standIn.idle();
      expect(standIn.runs()).toMatchObject([
        { functionId: "stand-in-test-env-configured", status: "completed", output: "ok" },
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("signs its calls for an app in cloud mode when given the app's signing key", async () => {
    const signingKey = "signkey-test-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const { standIn, client } = await startStandInWithApp(
      (client) => [
        client.createFunction({ id: "signed", triggers: [{ event: "test/signed" }] }, async ({ step }) =>
          step.run("s", () => 1),
        ),
      ],
      { signingKey },
      (url) => ({ isDev: false, baseUrl: url, signingKey, eventKey: "local-event-key" }),
    );

    expect(client.mode).toBe("cloud");
    await client.send({ name: "test/signed" });
    await standIn.idle();

    expect(standIn.runs()).toMatchObject([{ status: "completed", output: 1, requests: 2 }]);
  });

  it("fails a run clearly on a step it does not support, without calling onFailure", async () => {
    let failureCalls = 0;
    const { standIn } = await startStandInWithApp((client) => [
      client.createFunction(
        { id: "waits", triggers: [{ event: "test/wait" }], onFailure: async () => void failureCalls++ },
        async ({ step }) => step.waitForEvent("approval", { event: "test/approved", timeout: "1h" }),
      ),
    ]);

    standIn.send({ name: "test/wait" });
    await standIn.idle();

    expect(standIn.runs()).toMatchObject([
      {
        status: "failed",
        error: { name: "InngestStandInUnsupported", message: expect.stringContaining("WaitForEvent (approval)") },
      },
    ]);
    expect(failureCalls).toBe(0);
  });
});
