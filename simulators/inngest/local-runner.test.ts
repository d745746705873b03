import { createServer } from "node:http";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { describe, expect, it, onTestFinished } from "vitest";
import { closeServer, listen } from "../shared/http";
import { startLocalInngestStandIn } from "./local-runner";

describe("Inngest stand-in: local runner", () => {
  it("keeps trying to sync until the app answers, then runs its functions", async () => {
    let appReady = false;
    let standInUrl = "";
    // Like `next dev` before the route is compiled: the app is there but not ready to sync.
    const app = createServer((req, res) => {
      if (!appReady) return void res.writeHead(503).end("starting");
      const client = new Inngest({ id: "late-app", isDev: true, baseUrl: standInUrl });
      const fn = client.createFunction({ id: "hello", triggers: [{ event: "test/hello" }] }, async () => "hello");
      void serve({ client, functions: [fn] })(req, res);
    });
    const port = await listen(app, 0);
    const standIn = await startLocalInngestStandIn({
      port: 0,
      serveUrl: `http://127.0.0.1:${port}/api/inngest`,
      syncIntervalMs: 5,
      cron: false,
    });
    standInUrl = standIn.url;
    onTestFinished(async () => {
      await standIn.close();
      await closeServer(app);
    });

    expect(standIn.functions()).toEqual([]);
    appReady = true;
    await standIn.synced;
    standIn.send({ name: "test/hello" });
    await standIn.idle();

    expect(standIn.runs()).toMatchObject([{ functionId: "late-app-hello", status: "completed", output: "hello" }]);
  });
});
