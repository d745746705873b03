// Jumpseller hook deliveries: verified, stored with their job in one transaction, answered, and only then
// sent to Inngest (after()), so the answer never waits for Inngest, Vendus or Jumpseller.
import { after } from "next/server";
import { clientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { ingestWebhook, maxWebhookBodyBytes, readBodyWithLimit, appIngestDeps } from "@/lib/ingest";

export async function POST(request: Request) {
  const body = await readBodyWithLimit(request, maxWebhookBodyBytes);
  const remoteAddr = clientAddress(request.headers, getEnv().PONTE_TRUSTED_PROXIES);
  const result = await ingestWebhook(appIngestDeps(), { headers: request.headers, body, remoteAddr });
  if (result.followUp) {
    const followUp = result.followUp;
    after(() => followUp().catch((error: unknown) => console.error("Webhook follow-up failed:", error)));
  }
  // "no-transform" keeps the server's response compression off this path: gzipping a few bytes for every
  // delivery cost more CPU than storing the delivery.
  return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store, no-transform" } });
}
