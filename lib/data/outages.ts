// The interruptions the signed-in user's stores are living now (a service down, credentials to renew): what
// the banner on the overview and on a store's page says. Three small queries, whatever the backlog.
import { storesVisibleTo, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import type { WaitReason } from "@/lib/generated/prisma/enums";

export interface OpenOutage {
  id: string;
  storeId: string;
  storeName: string;
  reason: WaitReason;
  since: Date;
  /** Invoices waiting for it (invoice jobs parked for this reason). */
  invoicesWaiting: number;
  /** Other jobs waiting for it (credit notes, catalogue syncs). */
  otherWaiting: number;
  /** When the service is next probed (null for credentials, which wait for a person, or while a probe runs). */
  nextCheckAt: Date | null;
}

export async function listOpenOutages(user: SessionUser, filter: { storeId?: string } = {}): Promise<OpenOutage[]> {
  const outages = await db.outage.findMany({
    where: { endedAt: null, store: storesVisibleTo(user), ...(filter.storeId ? { storeId: filter.storeId } : {}) },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      storeId: true,
      reason: true,
      startedAt: true,
      breakerId: true,
      store: { select: { name: true } },
    },
  });
  if (outages.length === 0) return [];
  const storeIds = [...new Set(outages.map((o) => o.storeId))];
  const breakerIds = outages.flatMap((o) => (o.breakerId ? [o.breakerId] : []));
  const [waiting, breakers] = await Promise.all([
    db.job.groupBy({
      by: ["storeId", "waitingFor", "kind"],
      where: { storeId: { in: storeIds }, status: "waiting" },
      _count: { _all: true },
    }),
    breakerIds.length
      ? db.serviceBreaker.findMany({ where: { id: { in: breakerIds } }, select: { id: true, nextProbeAt: true } })
      : Promise.resolve([]),
  ]);
  const count = (storeId: string, reason: WaitReason, invoices: boolean) =>
    waiting
      .filter(
        (w) =>
          w.storeId === storeId &&
          // Invoices waiting behind an earlier order of the store wait, through it, for the same service.
          (w.waitingFor === reason || (w.waitingFor === "behind_earlier_order" && invoices)) &&
          (w.kind === "invoice_order") === invoices,
      )
      .reduce((sum, w) => sum + w._count._all, 0);
  const nextProbe = new Map(breakers.map((b) => [b.id, b.nextProbeAt]));
  return outages.map((o) => ({
    id: o.id,
    storeId: o.storeId,
    storeName: o.store.name,
    reason: o.reason,
    since: o.startedAt,
    invoicesWaiting: count(o.storeId, o.reason, true),
    otherWaiting: count(o.storeId, o.reason, false),
    nextCheckAt: o.breakerId ? (nextProbe.get(o.breakerId) ?? null) : null,
  }));
}
