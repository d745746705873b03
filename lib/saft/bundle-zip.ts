// The bundle's ZIP (jszip): one SAF-T file per store that could be exported, and a summary file in the
// language of the user who asked, listing every store of the bundle with its file, or why it has none.
// Streamed: each store's XML is read from the database only when the ZIP reaches it, and the compressed bytes
// are written to the database in chunks as they come (SaftBundleChunk), so a large agency's month never holds
// every store's SAF-T, nor the whole ZIP, in memory. Downloads read the chunks back one at a time.
import { Readable } from "node:stream";
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

/** One store's XML as a stream that reads it from the database on its first read (when the ZIP reaches it). */
function storedXml(db: Db, fileId: string): Readable {
  let started = false;
  return new Readable({
    read() {
      if (started) return;
      started = true;
      db.saftBundleFile
        .findUniqueOrThrow({ where: { id: fileId }, select: { xml: true } })
        .then(({ xml }) => {
          if (!xml) throw new Error(`The SAF-T file ${fileId} is no longer stored`);
          this.push(Buffer.from(xml));
          this.push(null);
        })
        .catch((error: Error) => this.destroy(error));
    },
  });
}

/** The ZIP as a stream of compressed bytes. */
export async function bundleZipStream(db: Db, bundleId: string): Promise<NodeJS.ReadableStream> {
  const bundle = await db.saftBundle.findUniqueOrThrow({
    where: { id: bundleId },
    select: { year: true, month: true, storeIds: true, locale: true, requestedAt: true, requestedById: true },
  });
  const [files, stores, requester] = await Promise.all([
    db.saftBundleFile.findMany({
      where: { bundleId },
      select: { id: true, storeId: true, filename: true, error: true, detail: true },
    }),
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
    if (file?.filename && !file.error) {
      zip.file(file.filename, storedXml(db, file.id) as unknown as NodeJS.ReadableStream, { date });
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
  return zip.generateNodeStream({
    streamFiles: true,
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

const chunkBytes = 1 << 20;

/** Writes the ZIP into the bundle's chunks under `attempt`; the ZIP's size in bytes. */
export async function writeBundleZip(db: Db, bundleId: string, attempt: string): Promise<number> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let total = 0;
  const flush = async () => {
    const data = Buffer.concat(pending, pendingBytes);
    await db.saftBundleChunk.create({ data: { bundleId, attempt, seq: seq++, data: new Uint8Array(data) } });
    total += data.length;
    pending = [];
    pendingBytes = 0;
  };
  // jszip's stream is of the older kind: wrapped, it is read with backpressure like any other.
  for await (const chunk of new Readable().wrap(await bundleZipStream(db, bundleId))) {
    const buffer = chunk as Buffer;
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes >= chunkBytes) await flush();
  }
  if (pendingBytes > 0 || seq === 0) await flush();
  return total;
}

/** The bundle's ZIP as stored by the assembly that finished it, read a chunk at a time. */
export function storedBundleZip(db: Db, bundleId: string, attempt: string): Readable {
  return Readable.from(
    (async function* () {
      for (let seq = 0; ; seq++) {
        const chunk = await db.saftBundleChunk.findUnique({
          where: { bundleId_attempt_seq: { bundleId, attempt, seq } },
          select: { data: true },
        });
        if (!chunk) return;
        yield Buffer.from(chunk.data);
      }
    })(),
  );
}
