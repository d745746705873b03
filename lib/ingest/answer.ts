// The answer to a webhook delivery, the same whichever server writes it: the Next route
// (app/api/webhooks/jumpseller/route.ts) or Ponte's own server on node:http (node-handler.ts).
import type { IngestResult } from "./ingest";

export interface WebhookAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Status, headers and JSON body of a delivery's answer. `phases` (PONTE_TIMING only) become a Server-Timing
 * header: `read;dur=0.12, lookup;dur=0.80, …`.
 */
export function webhookAnswer(result: IngestResult, phases?: Record<string, number | undefined>): WebhookAnswer {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    // "no-transform" keeps the server's response compression off this path: gzipping a few bytes for every
    // delivery cost more CPU than storing the delivery.
    "cache-control": "no-store, no-transform",
  };
  if (phases) {
    headers["server-timing"] = Object.entries(phases)
      .filter((entry): entry is [string, number] => entry[1] !== undefined)
      .map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`)
      .join(", ");
  }
  return { status: result.status, headers, body: JSON.stringify(result.body) };
}
