// The month-close page's data: one row per visible store with the stored report of the month. Reads the
// database only; the report itself is built in the background (lib/month-close).
import { z } from "zod";
import { storeLabelSelect, visibleStoresByName, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import type { MonthCloseOutcome, MonthCloseRun } from "@/lib/generated/prisma/enums";
import { isFuturePeriod, previousPeriod, type SaftPeriod } from "@/lib/saft/period";
import type { MonthReport } from "@/lib/month-close/types";

/** "2026-11" in the URL; anything else (or a future month) falls back to the previous month. */
export const monthParamSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .transform((value): SaftPeriod => ({ year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) }))
  .refine((period) => period.year >= 2000 && !isFuturePeriod(period));

export function parseMonthParam(value: unknown, now = new Date()): SaftPeriod {
  const parsed = monthParamSchema.safeParse(value);
  return parsed.success ? parsed.data : previousPeriod(now);
}

export type MonthCloseStatus = "ready" | "needs_attention" | "not_checked";

export interface MonthCloseRow {
  store: { id: string; name: string; code: string; testMode: boolean; connected: boolean };
  status: MonthCloseStatus;
  run: MonthCloseRun | null;
  progress: number;
  phase: string | null;
  error: string | null;
  checkedAt: Date | null;
  report: MonthReport | null;
  saftExportedAt: Date | null;
  /** The name of who last exported the month's SAF-T. */
  saftExportedBy: string | null;
}

function statusOf(outcome: MonthCloseOutcome | null | undefined): MonthCloseStatus {
  return outcome ?? "not_checked";
}

export async function listMonthCloses(user: SessionUser, period: SaftPeriod): Promise<MonthCloseRow[]> {
  const stores = await db.store.findMany({
    ...visibleStoresByName(user),
    select: {
      ...storeLabelSelect,
      testMode: true,
      credential: { select: { storeId: true } },
      monthCloses: { where: { year: period.year, month: period.month } },
    },
  });
  const exporterIds = [
    ...new Set(stores.flatMap((s) => s.monthCloses.flatMap((c) => (c.saftExportedById ? [c.saftExportedById] : [])))),
  ];
  const exporters = new Map(
    (await db.user.findMany({ where: { id: { in: exporterIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return stores.map((store) => {
    const close = store.monthCloses[0];
    return {
      store: {
        id: store.id,
        name: store.name,
        code: store.code,
        testMode: store.testMode,
        connected: Boolean(store.credential),
      },
      status: statusOf(close?.outcome),
      run: close?.run ?? null,
      progress: close?.progress ?? 0,
      phase: close?.phase ?? null,
      error: close?.error ?? null,
      checkedAt: close?.checkedAt ?? null,
      report: (close?.report as MonthReport | null | undefined) ?? null,
      saftExportedAt: close?.saftExportedAt ?? null,
      saftExportedBy: close?.saftExportedById ? (exporters.get(close.saftExportedById) ?? null) : null,
    };
  });
}
