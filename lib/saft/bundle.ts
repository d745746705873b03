// The SAF-T (PT) of every store a user sees, for one month, as one ZIP. Asking creates the bundle and sends
// one event per connected store (inngest/functions/export-saft-for-bundle.ts: each run fetches one store's
// file within its Vendus key's budget); the run that brings the last file assembles the ZIP (./bundle-zip.ts).
// A store whose export fails is a row with the reason, listed in the ZIP's summary, not a failed ZIP.
import { randomUUID } from "node:crypto";
import { can, storesVisibleTo, type SessionUser } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { inngest } from "@/lib/inngest/client";
import { saftBundleStoreRequested } from "@/lib/inngest/events";
import { vendusThrottleKey } from "@/lib/jobs/dispatch";
import { failureOf } from "@/lib/service-errors";
import { vendusClientForStore } from "@/lib/vendus/for-store";
import { writeBundleZip } from "./bundle-zip";
import { periodLabel, type SaftPeriod } from "./period";

export type SendBundleEvents = (events: ReturnType<typeof saftBundleStoreRequested.create>[]) => Promise<unknown>;

const inngestSender: SendBundleEvents = (events) => inngest.send(events);

// A month of documents can be a large file: give Vendus longer than for a single document.
const saftTimeoutMs = 60_000;

/** SAFT-PT_<YYYY-MM>_<store code>.xml: the month first, then the store (its code is unique), file-name safe. */
export function bundleFilename(storeCode: string, period: SaftPeriod): string {
  return `SAFT-PT_${periodLabel(period)}_${storeCode.replace(/[^\w-]+/g, "_")}.xml`;
}

export async function requestSaftBundle(
  db: Db,
  user: SessionUser,
  period: SaftPeriod,
  options: { send?: SendBundleEvents } = {},
): Promise<{ error: "forbidden" | "no_stores" } | { bundleId: string; stores: number }> {
  if (!can(user, "saft.export")) return { error: "forbidden" };
  const stores = await db.store.findMany({
    where: storesVisibleTo(user),
    select: { id: true, credential: { select: { storeId: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  if (stores.length === 0) return { error: "no_stores" };
  const bundle = await db.saftBundle.create({
    data: { ...period, storeIds: stores.map((s) => s.id), requestedById: user.id, locale: user.locale },
    select: { id: true },
  });
  const unconnected = stores.filter((s) => !s.credential);
  if (unconnected.length > 0) {
    await db.saftBundleFile.createMany({
      data: unconnected.map((s) => ({ bundleId: bundle.id, storeId: s.id, error: "vendus_key_missing" })),
    });
  }
  await recordAudit(db, {
    actorId: user.id,
    action: "saft_bundle.requested",
    targetType: "month",
    targetId: periodLabel(period),
    details: { bundleId: bundle.id, stores: stores.length },
  });
  const connected = stores.filter((s) => s.credential);
  if (connected.length === 0) {
    await assembleBundleIfComplete(db, bundle.id);
    return { bundleId: bundle.id, stores: stores.length };
  }
  const events = [];
  for (const store of connected) {
    events.push(
      saftBundleStoreRequested.create(
        { bundleId: bundle.id, storeId: store.id, vendusKey: await vendusThrottleKey(db, store.id) },
        { id: `saft-bundle:${bundle.id}:${store.id}` },
      ),
    );
  }
  try {
    await (options.send ?? inngestSender)(events);
  } catch (error) {
    // Nothing is fetched without its event: say so on the bundle instead of leaving it "building" forever.
    const message = `Could not start the export: ${error instanceof Error ? error.message : String(error)}`;
    await db.saftBundle.update({
      where: { id: bundle.id },
      data: { state: "failed", error: message, finishedAt: new Date() },
    });
    throw error;
  }
  return { bundleId: bundle.id, stores: stores.length };
}

/**
 * Fetches one store's SAF-T for the bundle and keeps it (or why it could not be had). A Vendus outage
 * throws, so that the run is retried; a refusal (bad key, a request Vendus rejects) is kept as the reason.
 */
export async function exportBundleFile(db: Db, bundleId: string, storeId: string): Promise<"saved" | "failed"> {
  const bundle = await db.saftBundle.findUniqueOrThrow({
    where: { id: bundleId },
    select: { year: true, month: true },
  });
  const store = await db.store.findUnique({
    where: { id: storeId },
    select: { code: true, credential: { select: { storeId: true } } },
  });
  if (!store || !store.credential) {
    await saveFile(db, bundleId, storeId, { error: store ? "vendus_key_missing" : "not_found" });
    return "failed";
  }
  let xml: string;
  try {
    const vendus = await vendusClientForStore(db, storeId, { timeoutMs: saftTimeoutMs });
    // Only documents in normal mode are reported to the tax authority; test-mode ones have no legal value.
    xml = await vendus.getSaft({ ...bundle, mode: "normal" });
  } catch (error) {
    const failure = failureOf("vendus", error);
    if (!failure || failure.code === "vendus_unavailable") throw error;
    await saveFile(db, bundleId, storeId, { error: failure.code, detail: failure.detail.slice(0, 1000) });
    return "failed";
  }
  const bytes = Buffer.from(xml, "utf8");
  await saveFile(db, bundleId, storeId, {
    filename: bundleFilename(store.code, bundle),
    xml: bytes,
    bytes: bytes.length,
  });
  return "saved";
}

/** Keeps a store's outcome; a retried run replaces its own earlier row. */
export async function saveFile(
  db: Db,
  bundleId: string,
  storeId: string,
  file: { filename?: string; xml?: Buffer; bytes?: number; error?: string; detail?: string },
) {
  const data = {
    filename: file.filename ?? null,
    xml: file.xml ? new Uint8Array(file.xml) : null,
    bytes: file.bytes ?? null,
    error: file.error ?? null,
    detail: file.detail ?? null,
  };
  await db.saftBundleFile.upsert({
    where: { bundleId_storeId: { bundleId, storeId } },
    create: { bundleId, storeId, ...data },
    update: data,
  });
}

/**
 * When every store has its row, writes the ZIP (into chunks, a store at a time) and marks the bundle done.
 * Whichever run sees the last row does it; two runs finishing together each write their own chunks, the one
 * that marks the bundle done keeps them and the other removes its own.
 */
export async function assembleBundleIfComplete(db: Db, bundleId: string): Promise<boolean> {
  const bundle = await db.saftBundle.findUniqueOrThrow({
    where: { id: bundleId },
    select: { state: true, storeIds: true, _count: { select: { files: true } } },
  });
  if (bundle.state !== "building" || bundle._count.files < bundle.storeIds.length) return false;
  const attempt = randomUUID();
  let zipBytes: number;
  try {
    zipBytes = await writeBundleZip(db, bundleId, attempt);
  } catch (error) {
    await db.saftBundleChunk.deleteMany({ where: { bundleId, attempt } });
    // Another run finished the ZIP meanwhile (and dropped the XML this one was still reading): nothing is lost.
    const now = await db.saftBundle.findUniqueOrThrow({ where: { id: bundleId }, select: { state: true } });
    if (now.state !== "building") return false;
    throw error;
  }
  const { count } = await db.saftBundle.updateMany({
    where: { id: bundleId, state: "building" },
    data: { state: "done", zipAttempt: attempt, zipBytes, finishedAt: new Date() },
  });
  if (count === 0) {
    await db.saftBundleChunk.deleteMany({ where: { bundleId, attempt } });
    return false;
  }
  // The XML now lives in the ZIP: drop the copies, and any other assembly's chunks.
  await db.saftBundleFile.updateMany({ where: { bundleId }, data: { xml: null } });
  await db.saftBundleChunk.deleteMany({ where: { bundleId, attempt: { not: attempt } } });
  return true;
}

/** How long a bundle may wait for its stores' runs before the missing ones are given up as timed out. */
export const bundleRunsTimeoutMs = 30 * 60_000;

/**
 * A bundle whose runs never started (or died) would stay "building" forever: once it is older than the
 * timeout, each store without a row gets one ("timed_out", listed in the ZIP's summary) and the ZIP is built
 * from what arrived. Run every minute by the dispatch sweep.
 */
export async function expireStaleBundles(db: Db, now = new Date()): Promise<number> {
  const stale = await db.saftBundle.findMany({
    where: { state: "building", requestedAt: { lt: new Date(now.getTime() - bundleRunsTimeoutMs) } },
    select: { id: true, storeIds: true, files: { select: { storeId: true } } },
  });
  for (const bundle of stale) {
    const done = new Set(bundle.files.map((f) => f.storeId));
    const missing = bundle.storeIds.filter((id) => !done.has(id));
    await db.saftBundleFile.createMany({
      data: missing.map((storeId) => ({ bundleId: bundle.id, storeId, error: "timed_out" })),
      skipDuplicates: true,
    });
    await assembleBundleIfComplete(db, bundle.id);
  }
  return stale.length;
}
