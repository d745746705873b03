// The signed PDF link a customer gets on their order: served from Ponte's own copy after the first time (one
// Vendus call per document, not per click), limited per document and address, and signed with a key of its
// own (PONTE_LINK_KEY), so links can be revoked, or the session secret rotated, without touching the other.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { peerHeader, trustPeerHeader } from "@/lib/client-address";
import { resetEnvCache } from "@/lib/env";
import { signedPdfPath } from "@/lib/pipeline/pdf-link";
import { createVendusClient } from "@/lib/vendus/client";
import { startVendusSimulator, type VendusSimulator } from "@/simulators/vendus";
import { sampleInvoice } from "@/simulators/vendus/testing";
import { startDashboardWorld, type DashboardWorld } from "../dashboard/world";

const pdfRoute = await import("@/app/api/documents/[documentId]/pdf/route");

let world: DashboardWorld;
let sim: VendusSimulator;
let documentId: string;
const vendusKey = "demo-vendus-key-loja-do-mar";
const linkKey = "4".repeat(64);

beforeAll(async () => {
  sim = await startVendusSimulator({ apiKeys: [vendusKey] });
  world = await startDashboardWorld();
  vi.stubEnv("VENDUS_API_URL", sim.url);
  vi.stubEnv("PONTE_LINK_KEY", linkKey);
  resetEnvCache();
  trustPeerHeader();
  // A document of the demo store that Vendus (the simulator) really has.
  const issued = await createVendusClient({ apiKey: vendusKey, baseUrl: sim.url }).createDocument(sampleInvoice());
  const doc = await world.test.db.document.findFirstOrThrow({
    where: { storeId: world.stores["loja-do-mar"]!, type: { not: "NC" } },
  });
  await world.test.db.document.update({ where: { id: doc.id }, data: { vendusId: issued.id, mode: "normal" } });
  documentId = doc.id;
});
afterAll(async () => {
  await world.close();
  await sim.close();
});

function open(path: string, from = "198.51.100.1") {
  const url = new URL(path, "http://ponte.test");
  return pdfRoute.GET(new Request(url, { headers: { [peerHeader]: from } }), {
    params: Promise.resolve({ documentId: url.pathname.split("/")[3]! }),
  });
}

const link = () => signedPdfPath(documentId, new Date(Date.now() + 3600_000));
const vendusPdfCalls = () => sim.control.requests().filter((r) => r.path.endsWith(".pdf")).length;

describe("the signed PDF link", () => {
  it("asks Vendus once per document, then serves Ponte's copy", async () => {
    const before = vendusPdfCalls();
    const first = await open(link(), "198.51.100.2");
    const second = await open(link(), "198.51.100.3");
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(Buffer.from(await second.arrayBuffer())).toEqual(Buffer.from(await first.arrayBuffer()));
    expect(vendusPdfCalls() - before).toBe(1);
  });

  it("limits how often one address opens one document", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await open(link(), "198.51.100.4")).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    const refused = await open(link(), "198.51.100.4");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address still gets it.
    expect((await open(link(), "198.51.100.5")).status).toBe(200);
  });

  it("stays valid when the session secret changes, and ends when the link key is retired", async () => {
    const path = link();
    vi.stubEnv("NEXTAUTH_SECRET", "another-session-secret-that-is-long-enough-0123");
    resetEnvCache();
    expect((await open(path, "198.51.100.6")).status).toBe(200);

    // Rotation: the new key signs, the old one still opens the links already given out.
    vi.stubEnv("PONTE_LINK_KEY", "5".repeat(64));
    vi.stubEnv("PONTE_LINK_KEY_OLD", linkKey);
    resetEnvCache();
    expect((await open(path, "198.51.100.6")).status).toBe(200);
    expect((await open(link(), "198.51.100.6")).status).toBe(200);

    // The old key retired: its links are revoked, the new ones work.
    vi.stubEnv("PONTE_LINK_KEY_OLD", "");
    resetEnvCache();
    expect((await open(path, "198.51.100.6")).status).toBe(403);
    expect((await open(link(), "198.51.100.6")).status).toBe(200);
  });
});
