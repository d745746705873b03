// Jumpseller hook deliveries: verified, stored with their job in one transaction, answered, and only then
// sent to Inngest (after()), so the answer never waits for Inngest, Vendus or Jumpseller.
// Ponte's own server (npm start, scripts/start.ts) answers this path itself, without Next's request machinery
// (lib/ingest/node-handler.ts); this route serves it where Next runs alone (next start, Vercel).
import { after } from "next/server";
import { clientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import {
  appIngestDeps,
  ingestWebhook,
  maxWebhookBodyBytes,
  readBodyWithLimit,
  webhookAnswer,
  type IngestTimings,
} from "@/lib/ingest";

export async function POST(request: Request) {
  const started = performance.now();
  const env = getEnv();
  const body = await readBodyWithLimit(request, maxWebhookBodyBytes);
  const read = performance.now() - started;
  const remoteAddr = clientAddress(request.headers, env.PONTE_TRUSTED_PROXIES);
  const timings: IngestTimings | undefined = env.PONTE_TIMING ? {} : undefined;
  const result = await ingestWebhook(appIngestDeps(), { headers: request.headers, body, remoteAddr, timings });
  if (result.followUp) {
    const followUp = result.followUp;
    after(() => followUp().catch((error: unknown) => console.error("Webhook follow-up failed:", error)));
  }
  const answer = webhookAnswer(result, timings && { read, ...timings, handler: performance.now() - started });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
