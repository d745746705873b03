// Load for the webhook acknowledgement measurements: a database with one store, the ingest served by a
// process of its own (ack-server.ts), and `senders` concurrent senders each posting `perSender` signed
// order_paid deliveries one after the other. (`npm run bench:webhooks` measures the same against `next start`.)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { signWebhookBody } from "@/lib/jumpseller/webhook-signature";
import { connectHookStore } from "./support";
import { createTestDatabase } from "../db";

export interface AckLoadResult {
  count: number;
  statuses: Record<number, number>;
  p50: number;
  p99: number;
  max: number;
  jobs: number;
}

const hooksToken = "bench-hooks-token";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function measureAckLatency(options: {
  senders: number;
  perSender: number;
  /**
   * Paced senders: each sends one delivery every `intervalMs` (as webhooks arrive), so the measure is the
   * acknowledgement time at that rate. Without it, each sender sends its next delivery as soon as the
   * previous one is answered: a saturation test, where latency is mostly queueing.
   */
  intervalMs?: number;
}): Promise<AckLoadResult> {
  const t = await createTestDatabase();
  const server = spawn(process.execPath, ["--import", "tsx", "tests/ingest/ack-server.ts"], {
    env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await connectHookStore(t.db, { code: "bench", name: "Bench", hooksToken });
    const [line] = (await once(server.stdout!, "data")) as [Buffer];
    const port = /listening (\d+)/.exec(line.toString())?.[1];
    if (!port) throw new Error(`the ingest server did not start: ${line.toString()}`);
    const url = `http://127.0.0.1:${port}/`;
    const statuses: Record<number, number> = {};

    const send = async (orderId: number) => {
      const body = JSON.stringify({
        order: {
          id: orderId,
          status_enum: "paid",
          total: 19.99,
          currency: "EUR",
          created_at: "2026-11-28 10:00:00 UTC",
          customer: { email: "a@example.com", fullname: "Ana B" },
        },
      });
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/json",
          "Jumpseller-Store-Code": "bench",
          "Jumpseller-Event": "order_paid",
          "Jumpseller-Hmac-Sha256": signWebhookBody(body, hooksToken),
        },
      });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      return performance.now() - started;
    };
    // Warm-up (not measured): connections, the store cache, query plans.
    await Promise.all(Array.from({ length: options.senders }, (_, i) => send(900_000 + i)));
    delete statuses[200];

    const timings: number[] = [];
    const interval = options.intervalMs ?? 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: options.senders }, async (_, s) => {
        // Senders are spread evenly over one interval, as independent shops would be.
        const offset = (interval * s) / options.senders;
        for (let i = 0; i < options.perSender; i++) {
          const due = start + offset + i * interval - performance.now();
          if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
          timings.push(await send(1 + s * options.perSender + i));
        }
      }),
    );
    const sorted = timings.sort((a, b) => a - b);
    const jobs = await t.db.job.count({ where: { subject: { not: { startsWith: "9000" } } } });
    return {
      count: sorted.length,
      statuses,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1)!,
      jobs,
    };
  } finally {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
    await t.drop();
  }
}
