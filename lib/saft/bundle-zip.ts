// The bundle's ZIP (jszip): one SAF-T file per store that could be exported, and a summary file in the
// language of the user who asked, listing every store of the bundle with its file, or why it has none.
import JSZip from "jszip";
import { createTranslator } from "next-intl";
import type { Db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import english from "@/messages/en.json";
import portuguese from "@/messages/pt-PT.json";
import { describeServiceFailure, type ServiceFailure } from "@/lib/service-errors";
import { periodLabel } from "./period";

const catalogs = { en: english, "pt-PT": portuguese } as const;

type Catalog = (typeof catalogs)[keyof typeof catalogs];

function catalogOf(locale: string): { locale: keyof typeof catalogs; messages: Catalog } {
  const key = locale === "en" ? "en" : "pt-PT";
  return { locale: key, messages: catalogs[key] };
}

/** Why a store has no file, in the reader's language. */
export function bundleFailureText(error: string, detail: string | null, locale: string): string {
  const { locale: key, messages } = catalogOf(locale);
  if (error.startsWith("vendus_")) {
    const known = ["vendus_auth", "vendus_unavailable", "vendus_error"];
    if (known.includes(error)) {
      return describeServiceFailure({ code: error, detail: detail ?? "" } as ServiceFailure, messages, key);
    }
  }
  const t = createTranslator({ locale: key, messages, namespace: "monthClose.saftZip.failures" });
  return error === "vendus_key_missing" || error === "not_found" || error === "timed_out"
    ? t(error, { minutes: 30 })
    : t("unknown", { detail: detail ?? error });
}

export function summaryFilename(locale: string): string {
  return catalogOf(locale).locale === "en" ? "SUMMARY.txt" : "RESUMO.txt";
}

export async function buildBundleZip(db: Db, bundleId: string): Promise<Buffer> {
  const bundle = await db.saftBundle.findUniqueOrThrow({
    where: { id: bundleId },
    select: { year: true, month: true, storeIds: true, locale: true, requestedAt: true, requestedById: true },
  });
  const [files, stores, requester] = await Promise.all([
    db.saftBundleFile.findMany({ where: { bundleId } }),
    db.store.findMany({ where: { id: { in: bundle.storeIds } }, select: { id: true, code: true, name: true } }),
    db.user.findUnique({ where: { id: bundle.requestedById }, select: { name: true, email: true } }),
  ]);
  const { locale, messages } = catalogOf(bundle.locale);
  const t = createTranslator({ locale, messages, namespace: "monthClose.saftZip.summary" });
  const byStore = new Map(files.map((f) => [f.storeId, f]));
  const named = bundle.storeIds
    .map((id) => ({ id, store: stores.find((s) => s.id === id) }))
    .sort((a, b) => (a.store?.name ?? a.id).localeCompare(b.store?.name ?? b.id, locale));

  const zip = new JSZip();
  const date = new Date();
  const exported: string[] = [];
  const failed: string[] = [];
  for (const { id, store } of named) {
    const file = byStore.get(id);
    const label = store ? `${store.name} (${store.code})` : id;
    if (file?.xml && file.filename) {
      zip.file(file.filename, Buffer.from(file.xml), { date });
      exported.push(`- ${label}: ${file.filename}`);
    } else {
      const reason = bundleFailureText(file?.error ?? "unknown", file?.detail ?? null, locale);
      failed.push(`- ${label}: ${reason}`);
    }
  }
  const lines = [
    t("title", { month: periodLabel(bundle) }),
    t("requested", {
      at: formatDateTime(bundle.requestedAt, locale),
      by: requester ? `${requester.name} <${requester.email}>` : "—",
    }),
    "",
    t("exported", { count: exported.length }),
    ...exported,
    "",
    t("failed", { count: failed.length }),
    ...(failed.length > 0 ? failed : [t("none")]),
    "",
    t("note"),
    "",
  ];
  zip.file(summaryFilename(locale), lines.join("\r\n"), { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
