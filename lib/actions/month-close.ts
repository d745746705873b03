"use server";
// "Refresh" on the month-close page: (re)builds the report of one store, or of every visible store, for a
// month, in the background; and the SAF-T of every visible store as one ZIP. Only accountants and admins;
// merchants read the stored report.
import { z } from "zod";
import { db } from "@/lib/db";
import { monthParamSchema } from "@/lib/data/month-close";
import { requestMonthCloses } from "@/lib/month-close/request";
import { requestSaftBundle } from "@/lib/saft/bundle";
import { defineAction, storeById } from "./action";

const inputSchema = z.object({ month: monthParamSchema, storeId: z.string().min(1).max(64).nullable() });

export const refreshMonthClose = defineAction({
  permission: "month-close.refresh",
  read: (month: string, storeId: string | null) => ({ month, storeId }),
  store: {
    via: "store",
    find: async (raw) => (raw.storeId === null ? { storeId: null } : storeById(raw.storeId)),
  },
  input: inputSchema,
  run: async ({ user, input }) => {
    const result = await requestMonthCloses(db, user, input.month, {
      storeIds: input.storeId ? [input.storeId] : undefined,
    });
    if ("error" in result) return result;
    return { requested: result.requested.length, running: result.running.length };
  },
  revalidate: () => ["/month-close"],
});

/** "SAF-T of every store (ZIP)": the month's SAF-T of every visible store, fetched and zipped in the background. */
export const exportSaftZip = defineAction({
  permission: "saft.export",
  read: (month: string) => ({ month }),
  store: { via: "visible-stores" },
  input: z.object({ month: monthParamSchema }),
  run: async ({ user, input }) => requestSaftBundle(db, user, input.month),
  revalidate: () => ["/month-close"],
});
