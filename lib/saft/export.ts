// One store's SAF-T (PT) for one month, fetched from Vendus with the store's own key. Expected failures are
// answers with a status and a message the accountant can act on; each export that succeeds is audited.
import { authorizeStore, type SessionUser } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { failureAnswer, failureOf, type ServiceFailureCode } from "@/lib/service-errors";
import { vendusClientForStore } from "@/lib/vendus/for-store";
import { markSaftExported } from "./bundle-access";
import { isFuturePeriod, periodLabel, saftFilename, saftPeriodSchema } from "./period";

export type SaftError =
  "not_found" | "forbidden" | "invalid_period" | "vendus_key_missing" | ServiceFailureCode<"vendus">;

export type SaftExport =
  | { status: 200; xml: string; filename: string }
  /** `detail`: Vendus's own words, for the dashboard to show inside its translated message. */
  | { status: 400 | 403 | 404 | 409 | 502; error: SaftError; message: string; detail?: string };

// A month of documents can be a large file: give Vendus longer than for a single document.
const saftTimeoutMs = 60_000;

export async function exportSaft(user: SessionUser, storeId: string, query: URLSearchParams): Promise<SaftExport> {
  const access = await authorizeStore(user, storeId, "saft.export");
  if ("error" in access) {
    return access.error === "not_found"
      ? { status: 404, error: "not_found", message: "There is no such store." }
      : { status: 403, error: "forbidden", message: "Only accountants and admins export SAF-T files." };
  }
  const parsed = saftPeriodSchema.safeParse({ year: query.get("year"), month: query.get("month") });
  if (!parsed.success || isFuturePeriod(parsed.data)) {
    return {
      status: 400,
      error: "invalid_period",
      message: "Give a year and a month (1-12) that is not in the future.",
    };
  }
  const period = parsed.data;
  const label = periodLabel(period);
  const hasKey = await db.storeCredential.count({ where: { storeId } });
  if (!hasKey) return { status: 409, error: "vendus_key_missing", message: "This store has no Vendus API key yet." };

  let xml: string;
  try {
    const vendus = await vendusClientForStore(db, storeId, { timeoutMs: saftTimeoutMs });
    // Only documents in normal mode are reported to the tax authority; test-mode ones have no legal value.
    xml = await vendus.getSaft({ ...period, mode: "normal" });
  } catch (error) {
    const failure = failureOf("vendus", error);
    if (!failure) throw error;
    console.warn(`SAF-T ${label} of store ${storeId} not exported: ${failure.detail}`);
    return failureAnswer(failure);
  }
  await recordAudit(db, {
    actorId: user.id,
    storeId,
    action: "saft.exported",
    targetType: "store",
    targetId: storeId,
    details: { period: label, bytes: Buffer.byteLength(xml) },
  });
  await markSaftExported(db, storeId, period, user.id);
  return { status: 200, xml, filename: saftFilename(access.store.code, period) };
}
