// The hooks Ponte needs in a store, registered idempotently: running this again after an install, a
// re-install or a CLI `store:hooks` leaves exactly one hook per event pointing at Ponte.
import { db as defaultDb, type Db } from "@/lib/db";
import type { JumpsellerClient } from "@/lib/jumpseller/client";
import type { JumpsellerWebhookEvent } from "@/lib/jumpseller/constants";
import type { JumpsellerHook } from "@/lib/jumpseller/schemas";
import { webhookUrl } from "./install-state";
import { jumpsellerClientForStore } from "./store-client";

// No order_updated: it also fires on payment, so with order_paid every payment would arrive twice.
export const ponteWebhookEvents = [
  "order_paid",
  "order_canceled",
  "product_created",
  "product_updated",
  "product_stock_updated",
] as const satisfies readonly JumpsellerWebhookEvent[];

export interface WebhookSync {
  url: string;
  created: JumpsellerWebhookEvent[];
  kept: JumpsellerWebhookEvent[];
  deleted: { id: number; event: string }[];
}

type HookApi = Pick<JumpsellerClient, "listHooks" | "createHook" | "deleteHook">;

const pageSize = 100;
const maxPages = 20;

async function listAllHooks(client: HookApi): Promise<JumpsellerHook[]> {
  const hooks: JumpsellerHook[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const rows = await client.listHooks({ page, limit: pageSize });
    hooks.push(...rows);
    if (rows.length < pageSize) break;
  }
  return hooks;
}

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, "") === b.replace(/\/+$/, "");

/**
 * Lists the store's hooks, keeps one per wanted event at `url`, deletes the others at `url` (other events,
 * or a second hook for one event, which would deliver everything twice) and creates what is missing.
 * Hooks pointing anywhere else belong to someone else and are left alone.
 */
export async function syncWebhooks(client: HookApi, url: string): Promise<WebhookSync> {
  const wanted = new Set<string>(ponteWebhookEvents);
  const kept = new Set<JumpsellerWebhookEvent>();
  const stale: JumpsellerHook[] = [];
  for (const hook of await listAllHooks(client)) {
    if (!sameUrl(hook.url, url)) continue;
    if (wanted.has(hook.event) && !kept.has(hook.event as JumpsellerWebhookEvent))
      kept.add(hook.event as JumpsellerWebhookEvent);
    else stale.push(hook);
  }
  for (const hook of stale) await client.deleteHook(hook.id);
  const created = ponteWebhookEvents.filter((event) => !kept.has(event));
  for (const event of created) await client.createHook(event, url);
  return {
    url,
    created,
    kept: ponteWebhookEvents.filter((event) => kept.has(event)),
    deleted: stale.map((hook) => ({ id: hook.id, event: hook.event })),
  };
}

/**
 * Registers Ponte's hooks for a store already connected (by the app install or by `store:add`), with the
 * store's own Jumpseller credentials. Changes are audited; a run that changes nothing leaves no trace.
 */
export async function ensureWebhooks(
  store: { id: string },
  options: { db?: Db; actorId?: string | null; client?: HookApi } = {},
): Promise<WebhookSync> {
  const db = options.db ?? defaultDb;
  const client = options.client ?? (await jumpsellerClientForStore(db, store.id));
  const result = await syncWebhooks(client, webhookUrl());
  if (result.created.length > 0 || result.deleted.length > 0) {
    await db.auditEvent.create({
      data: {
        actorId: options.actorId ?? null,
        storeId: store.id,
        action: "store.webhooks_synced",
        targetType: "store",
        targetId: store.id,
        details: { url: result.url, created: result.created, deleted: result.deleted.map((h) => h.event) },
      },
    });
  }
  return result;
}
