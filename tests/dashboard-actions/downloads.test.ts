// SAF-T per store and month, and a document's PDF, fetched from Vendus (the simulator) with the store's key.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { resetEnvCache } from "@/lib/env";
import { lisbonDay } from "@/lib/lisbon-time";
import { previousPeriod } from "@/lib/saft/period";
import { createVendusClient } from "@/lib/vendus/client";
import { startVendusSimulator, type VendusSimulator } from "@/simulators/vendus";
import { sampleInvoice } from "@/simulators/vendus/testing";
import { startDashboardWorld, type DashboardWorld } from "../dashboard/world";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth", () => ({
  getSessionUser: async () => currentUser,
  userOrUnauthorized: async () =>
    currentUser ? { user: currentUser } : { response: Response.json({ error: "unauthenticated" }, { status: 401 }) },
}));

const saftRoute = await import("@/app/api/stores/[storeId]/saft/route");
const pdfRoute = await import("@/app/api/documents/[documentId]/download/route");

let world: DashboardWorld;
let sim: VendusSimulator;
// The demo stores' keys; papelaria-lima's is left out, so Vendus refuses it.
const storeKey = (code: string) => `demo-vendus-key-${code}`;

beforeAll(async () => {
  sim = await startVendusSimulator({ apiKeys: [storeKey("loja-do-mar"), storeKey("casa-verde")] });
  world = await startDashboardWorld();
  vi.stubEnv("VENDUS_API_URL", sim.url);
  resetEnvCache();
});
afterAll(async () => {
  await world.close();
  await sim.close();
});
beforeEach(() => {
  currentUser = null;
});

function getSaft(storeCode: string, query: string) {
  const storeId = world.stores[storeCode] ?? storeCode;
  return saftRoute.GET(new Request(`http://ponte.test/api/stores/${storeId}/saft?${query}`), {
    params: Promise.resolve({ storeId }),
  });
}

function getPdf(documentId: string) {
  return pdfRoute.GET(new Request(`http://ponte.test/api/documents/${documentId}/download`), {
    params: Promise.resolve({ documentId }),
  });
}

describe("SAF-T export", () => {
  it("answers the month's XML as a named download for a visible store, and audits it", async () => {
    const issued = await createVendusClient({ apiKey: storeKey("loja-do-mar"), baseUrl: sim.url }).createDocument(
      sampleInvoice(),
    );
    const [year, month] = lisbonDay(new Date()).split("-");
    currentUser = world.users.accountant;

    const response = await getSaft("loja-do-mar", `year=${year}&month=${Number(month)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="SAFT-PT_loja-do-mar_${year}-${month}.xml"`,
    );
    const xml = await response.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">/,
    );
    expect(xml).toContain(`<InvoiceNo>${issued.number}</InvoiceNo>`);
    const saftCall = sim.control.requests({ pathPrefix: "/taxauthority/saft/" }).at(-1)!;
    expect(saftCall.query).toMatchObject({ year, month: String(Number(month)), mode: "normal" });

    const audit = await world.test.db.auditEvent.findFirstOrThrow({
      where: { action: "saft.exported", storeId: world.stores["loja-do-mar"] },
    });
    expect(audit).toMatchObject({ actorId: world.users.accountant.id, targetType: "store" });
    expect(audit.details).toMatchObject({ period: `${year}-${month}` });
  });

  it("is 404 for another store's id (or no store), and 403 for a merchant's own store", async () => {
    const { year, month } = previousPeriod();
    currentUser = world.users.merchant;
    const hidden = await getSaft("casa-verde", `year=${year}&month=${month}`);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ error: "not_found" });
    expect((await getSaft("no-such-store", `year=${year}&month=${month}`)).status).toBe(404);
    expect((await getSaft("loja-do-mar", `year=${year}&month=${month}`)).status).toBe(403);
    currentUser = null;
    expect((await getSaft("loja-do-mar", `year=${year}&month=${month}`)).status).toBe(401);
    expect(sim.control.requests({ pathPrefix: "/taxauthority/saft/" })).toHaveLength(1);
  });

  it("refuses a malformed or future month, and explains a Vendus failure with a 502", async () => {
    currentUser = world.users.admin;
    expect((await getSaft("loja-do-mar", "year=2026&month=13")).status).toBe(400);
    expect((await getSaft("loja-do-mar", `year=${new Date().getFullYear() + 1}&month=1`)).status).toBe(400);

    const { year, month } = previousPeriod();
    const refused = await getSaft("papelaria-lima", `year=${year}&month=${month}`);
    expect(refused.status).toBe(502);
    expect(await refused.json()).toEqual({
      error: "vendus_auth",
      message: "Vendus refused the store's API key: paste a valid key in the store's connection.",
      detail: expect.any(String),
    });

    sim.control.failNext({ status: 500, pathPrefix: "/taxauthority/saft/", count: 5 });
    const down = await getSaft("casa-verde", `year=${year}&month=${month}`);
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ error: "vendus_unavailable" });
    sim.control.clearFaults();
    expect(
      await world.test.db.auditEvent.count({
        where: { action: "saft.exported", storeId: world.stores["papelaria-lima"] },
      }),
    ).toBe(0);
  });
});

describe("document PDF", () => {
  it("passes the PDF on from Vendus to a user who may see the store; others get 404", async () => {
    const issued = await createVendusClient({ apiKey: storeKey("loja-do-mar"), baseUrl: sim.url }).createDocument(
      sampleInvoice({ tx_id: "pdf-test" }),
    );
    const storeId = world.stores["loja-do-mar"]!;
    const doc = await world.test.db.document.create({
      data: {
        storeId,
        type: "FR",
        vendusId: issued.id,
        number: issued.number,
        issuedAt: new Date(),
        amountGrossCents: 1230,
        amountNetCents: 1000,
        externalReference: "order-1001",
        txId: "pdf-test",
        lines: [],
        taxes: [],
      },
    });
    currentUser = world.users.merchant;
    const response = await getPdf(doc.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${issued.number.replace(/[^\w.-]+/g, "_")}.pdf"`,
    );
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe("%PDF");

    const other = await world.test.db.document.findFirstOrThrow({ where: { storeId: world.stores["casa-verde"] } });
    expect((await getPdf(other.id)).status).toBe(404);
    expect((await getPdf("no-such-document")).status).toBe(404);
    currentUser = null;
    expect((await getPdf(doc.id)).status).toBe(401);
  });

  it("answers 502 with a message when Vendus does not give the PDF", async () => {
    // The demo's documents were never issued in the simulator.
    const demo = await world.test.db.document.findFirstOrThrow({
      where: { storeId: world.stores["loja-do-mar"], txId: { startsWith: "demo-" } },
    });
    currentUser = world.users.accountant;
    const response = await getPdf(demo.id);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: "vendus_error",
      message: "Vendus refused the request: Not found",
      detail: "Not found",
    });
  });
});
