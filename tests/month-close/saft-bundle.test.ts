// The SAF-T of every visible store for a month as one ZIP, against the Vendus simulator: asked for by an
// accountant, fetched in the background per store (the real Inngest functions through the stand-in), then the
// ZIP opened: one SAF-T per exported store, named by month and store code, and a summary in the asker's
// language listing the stores that failed (a refused key, no key at all) with the reason. Downloading it is
// audited and marks each store's month as "SAF-T exported"; a user who does not see every store gets nothing.
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/access";
import { monthOf } from "@/lib/month-close/period";
import {
  assembleBundleIfComplete,
  bundleRunsTimeoutMs,
  expireStaleBundles,
  requestSaftBundle,
  saveFile,
} from "@/lib/saft/bundle";
import { downloadBundle, latestBundle } from "@/lib/saft/bundle-access";
import { connectStore } from "@/lib/stores";
import { placePaidOrder, startHarness, type Harness } from "../pipeline/harness";

describe("SAF-T of every store as one ZIP", () => {
  let h: Harness;
  let accountant: SessionUser;
  let english: SessionUser;
  let merchant: SessionUser;
  const period = monthOf(new Date());
  const label = `${period.year}-${String(period.month).padStart(2, "0")}`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness({ settings: { testMode: false, vendusRegisterId: 101, name: "Loja do Mar" } });
    ids.mar = h.storeId;
    placePaidOrder(h);
    await h.settle();
    const other = async (code: string, name: string, vendusApiKey: string) =>
      (
        await connectStore(h.db, {
          code,
          settings: { name, enabled: false, testMode: false },
          jumpseller: { kind: "private", login: `${code}-login`, authtoken: `${code}-token` },
          hooksToken: null,
          vendusApiKey,
        })
      ).id;
    // Same Vendus account as Loja do Mar (the simulator has one), and a store whose key Vendus refuses.
    ids.verde = await other("casa-verde", "Casa Verde", h.vendus.apiKeys[0]!);
    ids.lima = await other("papelaria-lima", "Papelaria Lima", "not-a-key-vendus-knows");
    ids.sol = (await h.db.store.create({ data: { code: "loja-sol", name: "Loja Sol" } })).id;
    const user = (role: "accountant" | "merchant", email: string, locale: string, allStores: boolean) =>
      h.db.user
        .create({ data: { email, name: email.split("@")[0]!, passwordHash: "x", role, allStores, locale } })
        .then((row) => ({ ...row, locale }));
    accountant = await user("accountant", "ana@example.pt", "pt-PT", true);
    english = await user("accountant", "john@example.com", "en", true);
    merchant = await user("merchant", "rui@example.pt", "pt-PT", false);
    await h.db.storeAccess.create({ data: { userId: merchant.id, storeId: ids.mar } });
  }, 120_000);
  afterAll(async () => h?.close());

  /** The downloaded ZIP, read to its end, and opened. */
  async function opened(answer: { stream: Readable; bytes: number }) {
    const chunks: Buffer[] = [];
    for await (const chunk of answer.stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(answer.bytes);
    return JSZip.loadAsync(bytes);
  }

  async function build(user: SessionUser) {
    const asked = await requestSaftBundle(h.db, user, period);
    if ("error" in asked) throw new Error(asked.error);
    await h.settle();
    return asked.bundleId;
  }

  it("holds one SAF-T per store Vendus exported and a summary listing the stores that failed", async () => {
    const bundleId = await build(accountant);
    const view = await latestBundle(h.db, accountant, period);
    expect(view).toMatchObject({ id: bundleId, state: "done", stores: 4, done: 4, failed: 2, requestedBy: "ana" });

    const answer = await downloadBundle(h.db, accountant, bundleId);
    if (answer.status !== 200) throw new Error(answer.message);
    expect(answer.filename).toBe(`SAFT-PT_${label}.zip`);
    const zip = await opened(answer);
    expect(Object.keys(zip.files).sort()).toEqual(
      ["RESUMO.txt", `SAFT-PT_${label}_casa-verde.xml`, `SAFT-PT_${label}_${h.storeCode}.xml`].sort(),
    );
    // Each file is the store's own SAF-T for the month: Loja do Mar's holds its invoice.
    const invoice = await h.db.document.findFirstOrThrow({ where: { storeId: ids.mar } });
    const mar = await zip.file(`SAFT-PT_${label}_${h.storeCode}.xml`)!.async("string");
    expect(mar).toMatch(/^<\?xml/);
    expect(mar).toContain("<AuditFile");
    expect(mar).toContain(`<InvoiceNo>${invoice.number}</InvoiceNo>`);
    // Vendus was asked once per connected store, for this month in normal mode, with each store's own key.
    const asked = h.vendus.control.requests({ method: "GET", pathPrefix: "/taxauthority/saft" });
    expect(asked.map((r) => [r.query.year, r.query.month, r.query.mode])).toEqual([
      [String(period.year), String(period.month), "normal"],
      [String(period.year), String(period.month), "normal"],
      [String(period.year), String(period.month), "normal"],
    ]);

    const summary = await zip.file("RESUMO.txt")!.async("string");
    expect(summary).toContain(`SAF-T (PT) de ${label}`);
    expect(summary).toContain("2 lojas exportadas:");
    expect(summary).toContain(`- Casa Verde (casa-verde): SAFT-PT_${label}_casa-verde.xml`);
    expect(summary).toContain("2 lojas não exportadas (sem ficheiro neste ZIP):");
    expect(summary).toContain(
      "- Papelaria Lima (papelaria-lima): O Vendus recusou a chave da API da loja: cole uma chave válida na ligação da loja.",
    );
    expect(summary).toContain("- Loja Sol (loja-sol): Esta loja ainda não tem chave da API Vendus.");
  }, 120_000);

  it("writes the summary in the language of the user who asked", async () => {
    const bundleId = await build(english);
    const answer = await downloadBundle(h.db, english, bundleId);
    if (answer.status !== 200) throw new Error(answer.message);
    const zip = await opened(answer);
    const summary = await zip.file("SUMMARY.txt")!.async("string");
    expect(summary).toContain("2 stores not exported (no file in this ZIP):");
    expect(summary).toContain("- Loja Sol (loja-sol): This store has no Vendus API key yet.");
  }, 120_000);

  it("audits the download and marks each exported store's month, and refuses users who do not see every store", async () => {
    const bundleId = (await latestBundle(h.db, accountant, period))!.id;
    const before = new Date();
    expect((await downloadBundle(h.db, accountant, bundleId)).status).toBe(200);
    const audits = await h.db.auditEvent.findMany({
      where: { action: "saft.exported", actorId: accountant.id, at: { gte: before } },
      select: { storeId: true, details: true },
    });
    expect(audits.map((a) => a.storeId).sort()).toEqual([ids.mar, ids.verde].sort());
    expect(audits.map((a) => (a.details as { period: string }).period)).toEqual([label, label]);
    const closes = await h.db.monthClose.findMany({ where: { year: period.year, month: period.month } });
    expect(
      closes
        .filter((c) => c.saftExportedById === accountant.id)
        .map((c) => c.storeId)
        .sort(),
    ).toEqual([ids.mar, ids.verde].sort());
    // A month marked only by the export is not a report being built.
    expect(closes.every((c) => c.run === "done" && c.outcome === null)).toBe(true);

    // The merchant sees Loja do Mar only: the ZIP of four stores does not exist for them.
    expect(await downloadBundle(h.db, merchant, bundleId)).toMatchObject({ status: 404, error: "not_found" });
    expect(await latestBundle(h.db, merchant, period)).toBeNull();
    expect(await requestSaftBundle(h.db, merchant, period)).toEqual({ error: "forbidden" });
  }, 60_000);

  it("closes a bundle whose store runs never started after the timeout, listing those stores as timed out", async () => {
    // The events are lost: no run ever starts, so no store brings its file.
    const asked = await requestSaftBundle(h.db, accountant, period, { send: async () => undefined });
    if ("error" in asked) throw new Error(asked.error);
    const requestedAt = (await h.db.saftBundle.findUniqueOrThrow({ where: { id: asked.bundleId } })).requestedAt;
    expect(await expireStaleBundles(h.db, new Date(requestedAt.getTime() + bundleRunsTimeoutMs - 60_000))).toBe(0);
    expect(await h.db.saftBundle.findUniqueOrThrow({ where: { id: asked.bundleId } })).toMatchObject({
      state: "building",
    });
    expect(await expireStaleBundles(h.db, new Date(requestedAt.getTime() + bundleRunsTimeoutMs + 60_000))).toBe(1);
    expect(await h.db.saftBundle.findUniqueOrThrow({ where: { id: asked.bundleId } })).toMatchObject({ state: "done" });
    const answer = await downloadBundle(h.db, accountant, asked.bundleId);
    if (answer.status !== 200) throw new Error(answer.error);
    const zip = await opened(answer);
    expect(Object.keys(zip.files)).toEqual(["RESUMO.txt"]);
    const summary = await zip.file("RESUMO.txt")!.async("string");
    expect(summary).toContain("4 lojas não exportadas (sem ficheiro neste ZIP):");
    expect(summary).toContain(
      "- Casa Verde (casa-verde): A exportação não terminou em 30 minutos (não chegou a começar ou parou): peça o ZIP de novo.",
    );
    expect(summary).toContain("- Loja Sol (loja-sol): Esta loja ainda não tem chave da API Vendus.");
  }, 60_000);

  it("writes a ZIP larger than a chunk a store at a time, keeps one assembly's chunks, and drops the XML copies", async () => {
    // Two stores' SAF-T of 800 kB each that DEFLATE cannot shrink: the ZIP spans several chunks of a megabyte.
    const xml = (fill: string) => Buffer.from(`<?xml version="1.0"?><AuditFile>${fill}</AuditFile>`, "utf8");
    const big = {
      mar: xml(randomBytes(600_000).toString("base64")),
      verde: xml(randomBytes(600_000).toString("base64")),
    };
    const bundle = await h.db.saftBundle.create({
      data: { ...period, storeIds: [ids.mar!, ids.verde!, ids.sol!], requestedById: accountant.id, locale: "pt-PT" },
    });
    await saveFile(h.db, bundle.id, ids.mar!, { filename: "mar.xml", xml: big.mar, bytes: big.mar.length });
    await saveFile(h.db, bundle.id, ids.verde!, { filename: "verde.xml", xml: big.verde, bytes: big.verde.length });
    await saveFile(h.db, bundle.id, ids.sol!, { error: "vendus_key_missing" });
    // Two runs see the last file at once: one ZIP is kept.
    const assembled = await Promise.all([
      assembleBundleIfComplete(h.db, bundle.id),
      assembleBundleIfComplete(h.db, bundle.id),
    ]);
    expect(assembled.filter(Boolean)).toHaveLength(1);
    const done = await h.db.saftBundle.findUniqueOrThrow({ where: { id: bundle.id } });
    const chunks = await h.db.saftBundleChunk.findMany({ where: { bundleId: bundle.id }, select: { attempt: true } });
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(chunks.map((c) => c.attempt))).toEqual(new Set([done.zipAttempt]));
    expect(await h.db.saftBundleFile.count({ where: { bundleId: bundle.id, xml: { not: null } } })).toBe(0);

    const answer = await downloadBundle(h.db, accountant, bundle.id);
    if (answer.status !== 200) throw new Error(answer.message);
    const zip = await opened(answer);
    expect(Object.keys(zip.files).sort()).toEqual(["RESUMO.txt", "mar.xml", "verde.xml"]);
    expect(await zip.file("mar.xml")!.async("nodebuffer")).toEqual(big.mar);
    expect(await zip.file("verde.xml")!.async("nodebuffer")).toEqual(big.verde);
    const summary = await zip.file("RESUMO.txt")!.async("string");
    expect(summary).toContain("- Loja do Mar (" + h.storeCode + "): mar.xml");
    expect(summary).toContain("- Loja Sol (loja-sol): Esta loja ainda não tem chave da API Vendus.");
  }, 120_000);
});
