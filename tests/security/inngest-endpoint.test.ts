// /api/inngest runs Ponte's functions for whoever calls it with a valid Inngest signature, and for nobody else.
// A production server never trusts INNGEST_DEV (the start-up check refuses it too, lib/env.ts): here the route
// is loaded as production would load it, with INNGEST_DEV set all the same, and called without a signature.
import { afterEach, describe, expect, it, vi } from "vitest";
import { signBody } from "@/simulators/inngest/protocol";

const signingKey = "signkey-test-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

async function productionRoute() {
  vi.resetModules();
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("INNGEST_DEV", "1");
  vi.stubEnv("INNGEST_SIGNING_KEY", signingKey);
  vi.stubEnv("INNGEST_EVENT_KEY", "event-key");
  return import("@/app/api/inngest/route");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const runBody = JSON.stringify({
  version: 1,
  event: { name: "inngest/scheduled.timer", data: {}, id: "e1", ts: Date.now() },
  events: [{ name: "inngest/scheduled.timer", data: {}, id: "e1", ts: Date.now() }],
  steps: {},
  ctx: { run_id: "r1", attempt: 0, disable_immediate_execution: false, stack: { stack: [], current: 0 } },
});
const runUrl = "http://ponte.test/api/inngest?fnId=ponte-dispatch-waiting&stepId=step";

describe("/api/inngest in production", () => {
  it("refuses an unsigned call to run a function", async () => {
    const { POST } = await productionRoute();
    const response = await POST(
      new Request(runUrl, { method: "POST", body: runBody, headers: { "content-type": "application/json" } }) as never,
      undefined as never,
    );
    expect(response.status).toBe(401);
  });

  it("refuses an unsigned sync and an unsigned look at the functions", async () => {
    const { PUT, GET } = await productionRoute();
    const sync = await PUT(
      new Request("http://ponte.test/api/inngest", { method: "PUT" }) as never,
      undefined as never,
    );
    expect(sync.status).toBe(401);
    const look = await GET(new Request("http://ponte.test/api/inngest") as never, undefined as never);
    expect(look.status).toBe(401);
  });

  it("accepts a call signed with the signing key", async () => {
    const { GET } = await productionRoute();
    const look = await GET(
      new Request("http://ponte.test/api/inngest", {
        headers: { "x-inngest-signature": signBody("", signingKey) },
      }) as never,
      undefined as never,
    );
    expect(look.status).toBe(200);
  });
});
