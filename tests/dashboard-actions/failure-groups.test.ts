// Failed jobs grouped by cause, and "retry this group": the counts of a seeded mix, for every visible store
// or one, and a group's retry that sends again only that cause's jobs in the stores the user sees (a
// merchant's never a credit note).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { listFailureGroups } from "@/lib/data/failure-groups";
import { startDashboardWorld, type DashboardWorld } from "../dashboard/world";
import { createEventSink, createFailedJob, retryAnswer } from "./support";

let currentUser: SessionUser | null = null;
const sink = createEventSink();
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/inngest/client", () => ({ inngest: { send: (events: never) => sink.send(events) } }));

const { retryFailureGroup } = await import("@/lib/actions/jobs");

let world: DashboardWorld;
let counter = 0;

/** A failed job with a stored cause, as the pipeline leaves one. */
async function failed(storeCode: string, code: string, kind: "invoice_order" | "credit_note" = "invoice_order") {
  counter += 1;
  return world.test.db.job.create({
    data: {
      storeId: world.stores[storeCode]!,
      kind,
      subject: `group-${counter}`,
      status: "failed",
      attempts: 1,
      lastErrorKind: code === "vendus_unavailable" ? "transient" : "refused",
      lastErrorCode: code,
      lastErrorParams: code === "invalid_nif" ? { nif: "123456780" } : {},
      lastErrorMessage: `seeded ${code}`,
      finishedAt: new Date(),
    },
  });
}

const statusOf = async (id: string) => (await world.test.db.job.findUniqueOrThrow({ where: { id } })).status;
const counts = (groups: { cause: string; count: number }[]) =>
  Object.fromEntries(groups.map((g) => [g.cause, g.count]));

// The demo world already holds two failures: Loja do Mar's #1004 (Vendus unavailable) and Casa Verde's #2006
// (invalid NIF). Papelaria Lima is seen by the admin only.
let seeded: Record<string, { id: string }>;
beforeAll(async () => {
  world = await startDashboardWorld();
  seeded = {
    nifMar1: await failed("loja-do-mar", "invalid_nif"),
    nifMar2: await failed("loja-do-mar", "invalid_nif"),
    rateMar: await failed("loja-do-mar", "unknown_vat_rate"),
    creditMar: await failed("loja-do-mar", "vendus_unavailable", "credit_note"),
    nifLima: await failed("papelaria-lima", "invalid_nif"),
    oldMar: await createFailedJob(world, "loja-do-mar"),
  };
});
afterAll(() => world.close());
beforeEach(() => {
  currentUser = null;
});

describe("failures grouped by cause", () => {
  it("counts every visible store's failures per cause, largest first, older rows without a code as other", async () => {
    const all = await listFailureGroups(world.users.accountant);
    expect(all.total).toBe(7);
    expect(all.groups).toEqual([
      { cause: "invalid_nif", count: 3 },
      { cause: "vendus_unavailable", count: 2 },
      { cause: "unknown_vat_rate", count: 1 },
      { cause: "other", count: 1 },
    ]);
    expect(counts((await listFailureGroups(world.users.admin)).groups)).toMatchObject({ invalid_nif: 4 });
  });

  it("counts one store, or a kind, and nothing of a store the user does not see", async () => {
    const mar = await listFailureGroups(world.users.accountant, { store: world.stores["loja-do-mar"] });
    expect(counts(mar.groups)).toEqual({ invalid_nif: 2, vendus_unavailable: 2, unknown_vat_rate: 1, other: 1 });
    const credits = await listFailureGroups(world.users.accountant, { kind: "credit_note" });
    expect(credits).toEqual({ total: 1, groups: [{ cause: "vendus_unavailable", count: 1 }] });
    expect(await listFailureGroups(world.users.merchant, { store: world.stores["casa-verde"] })).toEqual({
      total: 0,
      groups: [],
    });
  });
});

describe("retry this group", () => {
  it("refuses a cause it does not know, and a store the user does not see", async () => {
    currentUser = world.users.merchant;
    expect(await retryFailureGroup({ cause: "not_a_cause" })).toMatchObject({ error: "invalid" });
    expect(await retryFailureGroup({ cause: "invalid_nif", store: world.stores["casa-verde"] })).toEqual({
      error: "not_found",
    });
    expect(await statusOf(seeded.nifMar1!.id)).toBe("failed");
  });

  it("lets a merchant retry one cause of their store: never a credit note, never another cause", async () => {
    const demo = await world.test.db.job.findFirstOrThrow({
      where: { storeId: world.stores["loja-do-mar"], lastErrorCode: "vendus_unavailable", kind: "invoice_order" },
    });
    currentUser = world.users.merchant;
    expect(await retryFailureGroup({ cause: "vendus_unavailable" })).toEqual(
      retryAnswer({ retried: 1, skipped: 1, creditNotesSkipped: 1 }),
    );
    expect(await statusOf(demo.id)).toBe("queued");
    expect(await statusOf(seeded.creditMar!.id)).toBe("failed");
    for (const other of ["nifMar1", "nifMar2", "rateMar", "oldMar"])
      expect(await statusOf(seeded[other]!.id)).toBe("failed");
    const audit = await world.test.db.auditEvent.findFirstOrThrow({ where: { action: "jobs.group_retried" } });
    expect(audit).toMatchObject({ actorId: world.users.merchant.id, details: { cause: "vendus_unavailable" } });
  });

  it("retries an accountant's cause in every store they see, and only there", async () => {
    const casa = await world.test.db.job.findFirstOrThrow({
      where: { storeId: world.stores["casa-verde"], lastErrorCode: "invalid_nif" },
    });
    currentUser = world.users.accountant;
    expect(await retryFailureGroup({ cause: "invalid_nif" })).toEqual(retryAnswer({ retried: 3, skipped: 0 }));
    for (const id of [seeded.nifMar1!.id, seeded.nifMar2!.id, casa.id]) {
      expect(await statusOf(id)).toBe("queued");
      expect(sink.events.map((e) => e.data.jobId)).toContain(id);
    }
    expect(await statusOf(seeded.nifLima!.id)).toBe("failed");
    expect(await statusOf(seeded.rateMar!.id)).toBe("failed");
    expect(await statusOf(seeded.oldMar!.id)).toBe("failed");
    expect(counts((await listFailureGroups(world.users.accountant)).groups)).toEqual({
      unknown_vat_rate: 1,
      vendus_unavailable: 1,
      other: 1,
    });
  });

  it("retries the older failures without a code as one group", async () => {
    currentUser = world.users.accountant;
    expect(await retryFailureGroup({ cause: "other", store: world.stores["loja-do-mar"] })).toMatchObject({
      ok: true,
      retried: 1,
    });
    expect(await statusOf(seeded.oldMar!.id)).toBe("queued");
    expect(await statusOf(seeded.rateMar!.id)).toBe("failed");
  });
});
