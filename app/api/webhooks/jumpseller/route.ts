// Jumpseller hook deliveries: verified, stored with their job in one transaction, answered, and only then
// sent to Inngest (after()), so the answer never waits for Inngest, Vendus or Jumpseller.
import { after } from "next/server";
import { clientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { ingestWebhook, maxWebhookBodyBytes, readBodyWithLimit, appIngestDeps, type IngestTimings } from "@/lib/ingest";

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
  // "no-transform" keeps the server's response compression off this path: gzipping a few bytes for every
  // delivery cost more CPU than storing the delivery.
  const headers = new Headers({ "cache-control": "no-store, no-transform" });
  if (timings) headers.set("server-timing", serverTiming({ read, ...timings, handler: performance.now() - started }));
  return Response.json(result.body, { status: result.status, headers });
}

/** `read;dur=0.12, lookup;dur=0.80, …`: the handler's phases as the Server-Timing header writes them. */
function serverTiming(phases: Record<string, number | undefined>): string {
  return Object.entries(phases)
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`)
    .join(", ");
}
