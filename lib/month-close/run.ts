// A month-close run's life in the database: requested (queued), reading (running, with its progress),
// done (the report and its outcome saved) or failed (the previous report, if any, is kept). Every write
// names the request it belongs to, so a run overtaken by a newer request changes nothing.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { outcomeOf } from "./report";
import type { MonthReport } from "./types";

export interface RunRef {
  closeId: string;
  /** The request's time (ISO): the run's identity. */
  requestedAt: string;
}

export type RunPhase = "jumpseller" | "vendus" | "details" | "report";

/** Marks the run started; false when a newer request took its place (then the run stops). */
export async function startRun(db: Db, ref: RunRef): Promise<boolean> {
  const { count } = await db.monthClose.updateMany({
    where: { id: ref.closeId, requestedAt: new Date(ref.requestedAt), run: { in: ["queued", "running"] } },
    data: { run: "running", startedAt: new Date(), progress: 1, phase: "jumpseller", error: null },
  });
  return count === 1;
}

export async function setProgress(db: Db, ref: RunRef, progress: number, phase: RunPhase): Promise<boolean> {
  const { count } = await db.monthClose.updateMany({
    where: { id: ref.closeId, requestedAt: new Date(ref.requestedAt), run: "running" },
    data: { progress: Math.max(1, Math.min(99, Math.round(progress))), phase },
  });
  return count === 1;
}

export async function saveReport(db: Db, ref: RunRef, report: MonthReport, now = new Date()) {
  const outcome = outcomeOf(report);
  const { count } = await db.monthClose.updateMany({
    where: { id: ref.closeId, requestedAt: new Date(ref.requestedAt) },
    data: {
      run: "done",
      progress: 100,
      phase: null,
      finishedAt: now,
      checkedAt: now,
      outcome,
      report: report as unknown as Prisma.InputJsonValue,
      error: null,
    },
  });
  return { saved: count === 1, outcome };
}

export async function failRun(db: Db, ref: RunRef, message: string) {
  const { count } = await db.monthClose.updateMany({
    where: { id: ref.closeId, requestedAt: new Date(ref.requestedAt), run: { in: ["queued", "running"] } },
    data: { run: "failed", finishedAt: new Date(), phase: null, error: message.slice(0, 1000) },
  });
  return count === 1;
}
