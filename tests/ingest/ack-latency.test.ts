// Acknowledgement under load: 50 concurrent senders. Every delivery must be answered 200 and stored with
// its own job. The latency target (p99 < 50 ms) is measured by `npm run bench:webhooks` on a quiet machine;
// here, where test files run in parallel on two cores, only a gross regression (answers queueing behind
// one another, a lock held across requests) fails the test.
import { describe, expect, it } from "vitest";
import { measureAckLatency } from "./ack-load";

const senders = 50;
const perSender = 10;

describe("webhook acknowledgement under 50 concurrent senders", () => {
  it("answers every delivery with 200 and one job each, without queueing up", async () => {
    const result = await measureAckLatency({ senders, perSender });
    console.info(`ack latency over ${result.count} deliveries: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
    expect(result.statuses).toEqual({ 200: senders * perSender });
    expect(result.jobs).toBe(senders * perSender);
    expect(result.p99).toBeLessThan(Number(process.env.PONTE_ACK_P99_LIMIT_MS ?? 2_000));
  });
});
