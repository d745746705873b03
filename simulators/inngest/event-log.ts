// Every event the stand-in received, and the 24 h deduplication Inngest applies to events sent with an `id`.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { EventPayload, EventRecord } from "./types";

const DEDUP_WINDOW_MS = 86_400_000;

export const eventPayloadSchema = z.object({
  id: z.string().min(1).optional(),
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()).nullish(),
  ts: z.number().optional(),
  user: z.record(z.string(), z.unknown()).optional(),
  v: z.string().optional(),
});

export class EventLog {
  private readonly records: EventRecord[] = [];
  private readonly seen = new Map<string, { internalId: string; at: number }>();

  /**
   * Records an event. `dedupKey` is the sender's `id` (or, for ids the SDK left out, its request seed, so
   * that the SDK re-posting the same request after a network error does not trigger twice). A key seen in
   * the last 24 h makes the event a duplicate: recorded, answered with the first event's id, run nothing.
   */
  accept(payload: EventPayload, dedupKey: string | undefined, now = Date.now()): EventRecord {
    const previous = dedupKey ? this.seen.get(dedupKey) : undefined;
    const duplicate = previous !== undefined && now - previous.at < DEDUP_WINDOW_MS;
    const internalId = duplicate ? previous.internalId : randomUUID();
    if (dedupKey && !duplicate) this.seen.set(dedupKey, { internalId, at: now });
    const record: EventRecord = {
      internalId,
      event: {
        id: payload.id ?? internalId,
        name: payload.name,
        data: payload.data ?? {},
        ts: payload.ts ?? now,
        ...(payload.user ? { user: payload.user } : {}),
        ...(payload.v ? { v: payload.v } : {}),
      },
      receivedAt: now,
      duplicate,
      runIds: [],
      skipped: [],
    };
    this.records.push(record);
    return record;
  }

  all(): EventRecord[] {
    return this.records.map((record) => structuredClone(record));
  }
}
