// Jumpseller hook deliveries: verified, stored with their job in one transaction, answered, and only then
// sent to Inngest (after()), so the answer never waits for Inngest, Vendus or Jumpseller.
import { after } from "next/server";
import { ingestWebhook, maxWebhookBodyBytes, readBodyWithLimit, webhookIngest } from "@/lib/ingest";

export async function POST(request: Request) {
  const body = await readBodyWithLimit(request, maxWebhookBodyBytes);
  const remoteAddr = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip");
  const result = await ingestWebhook(webhookIngest(), { headers: request.headers, body, remoteAddr });
  if (result.followUp) {
    const followUp = result.followUp;
    after(() => followUp().catch((error: unknown) => console.error("Webhook follow-up failed:", error)));
  }
  // "no-transform" keeps the server's response compression off this path: gzipping a few bytes for every
  // delivery cost more CPU than storing the delivery.
  return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store, no-transform" } });
}
