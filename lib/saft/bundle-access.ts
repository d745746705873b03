// Who sees a SAF-T bundle, and its download. A bundle is the files of several stores: only a user who may
// export SAF-T and sees every one of those stores may see it (anyone else is told it does not exist). Each
// download is audited per store whose file is in it, and marks the store's month as "SAF-T exported".
import type { Readable } from "node:stream";
import { can, storesVisibleTo, type SessionUser } from "@/lib/access";
import type { Db } from "@/lib/db";
import type { SaftBundleState } from "@/lib/generated/prisma/enums";
import { storedBundleZip } from "./bundle-zip";
import { periodLabel, type SaftPeriod } from "./period";

export interface BundleView {
  id: string;
  state: SaftBundleState;
  stores: number;
  /** Stores whose file (or failure) is in. */
  done: number;
  failed: number;
  requestedAt: Date;
  requestedBy: string | null;
  finishedAt: Date | null;
  error: string | null;
  zipBytes: number | null;
}

async function visibleAmong(db: Db, user: SessionUser, storeIds: string[]): Promise<number> {
  return db.store.count({ where: { AND: [storesVisibleTo(user), { id: { in: storeIds } }] } });
}

/** The latest bundle of the month the user may see, with its progress; null when there is none. */
export async function latestBundle(db: Db, user: SessionUser, period: SaftPeriod): Promise<BundleView | null> {
  if (!can(user, "saft.export")) return null;
  const candidates = await db.saftBundle.findMany({
    where: { year: period.year, month: period.month },
    orderBy: { requestedAt: "desc" },
    take: 10,
    select: {
      id: true,
      state: true,
      storeIds: true,
      requestedAt: true,
      requestedById: true,
      finishedAt: true,
      error: true,
      zipBytes: true,
      files: { select: { error: true } },
    },
  });
  for (const bundle of candidates) {
    if ((await visibleAmong(db, user, bundle.storeIds)) !== bundle.storeIds.length) continue;
    const requester = await db.user.findUnique({ where: { id: bundle.requestedById }, select: { name: true } });
    return {
      id: bundle.id,
      state: bundle.state,
      stores: bundle.storeIds.length,
      done: bundle.files.length,
      failed: bundle.files.filter((f) => f.error).length,
      requestedAt: bundle.requestedAt,
      requestedBy: requester?.name ?? null,
      finishedAt: bundle.finishedAt,
      error: bundle.error,
      zipBytes: bundle.zipBytes,
    };
  }
  return null;
}

export type BundleDownload =
  | { status: 200; stream: Readable; bytes: number; filename: string }
  | { status: 404 | 409; error: "not_found" | "not_ready"; message: string };

export async function downloadBundle(
  db: Db,
  user: SessionUser,
  bundleId: string,
  now = new Date(),
): Promise<BundleDownload> {
  const notFound = { status: 404, error: "not_found", message: "There is no such SAF-T export." } as const;
  if (!can(user, "saft.export") || bundleId.length > 64) return notFound;
  const bundle = await db.saftBundle.findUnique({
    where: { id: bundleId },
    select: {
      year: true,
      month: true,
      storeIds: true,
      state: true,
      zipAttempt: true,
      zipBytes: true,
      files: { select: { storeId: true, filename: true, error: true, bytes: true } },
    },
  });
  if (!bundle || (await visibleAmong(db, user, bundle.storeIds)) !== bundle.storeIds.length) return notFound;
  if (bundle.state !== "done" || !bundle.zipAttempt || bundle.zipBytes === null) {
    return { status: 409, error: "not_ready", message: "The SAF-T export is not ready yet." };
  }
  const period = { year: bundle.year, month: bundle.month };
  const label = periodLabel(period);
  const exported = bundle.files.filter((f) => f.filename && !f.error);
  await db.$transaction([
    db.auditEvent.createMany({
      data: exported.map((f) => ({
        actorId: user.id,
        storeId: f.storeId,
        action: "saft.exported",
        targetType: "store",
        targetId: f.storeId,
        details: { period: label, bundleId, file: f.filename, bytes: f.bytes },
      })),
    }),
    ...exported.map((f) => markSaftExported(db, f.storeId, period, user.id, now)),
  ]);
  return {
    status: 200,
    stream: storedBundleZip(db, bundleId, bundle.zipAttempt),
    bytes: bundle.zipBytes,
    filename: `SAFT-PT_${label}.zip`,
  };
}

/** The month's row remembers the last SAF-T export of the store (a row is created for a month not checked). */
export function markSaftExported(db: Db, storeId: string, period: SaftPeriod, userId: string, now = new Date()) {
  return db.monthClose.upsert({
    where: { storeId_year_month: { storeId, year: period.year, month: period.month } },
    // No report was asked for: the row exists only to remember the export, so its run is not "queued".
    create: { storeId, ...period, run: "done", saftExportedAt: now, saftExportedById: userId },
    update: { saftExportedAt: now, saftExportedById: userId },
  });
}
