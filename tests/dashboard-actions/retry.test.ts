// Retrying jobs from the dashboard: a new dispatch recorded and audited, only ever on jobs the user may see.
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { setUpDashboardWorld } from "../dashboard/world";
import { createEventSink, createFailedJob, retryAnswer } from "./support";

let currentUser: SessionUser | null = null;
const sink = createEventSink();
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/inngest/client", () => ({ inngest: { send: (events: never) => sink.send(events) } }));

const { retryAllFailedJobs, retryJob, retrySelectedJobs } = await import("@/lib/actions/jobs");

const world = setUpDashboardWorld(() => {
  currentUser = null;
});

describe("retryJob", () => {
  it("refuses the signed-out", async () => {
    const job = await createFailedJob(world, "loja-do-mar");
    expect(await retryJob(job.id)).toEqual({ error: "unauthenticated" });
  });

  it("lets a merchant retry their own store's failed job: a new dispatch, recorded and audited", async () => {
    const order = await world.test.db.order.findFirstOrThrow({
      where: { storeId: world.stores["loja-do-mar"], jumpsellerId: 1004 },
    });
    const job = await world.test.db.job.findFirstOrThrow({ where: { orderId: order.id, status: "failed" } });
    currentUser = world.users.merchant;

    expect(await retryJob(job.id)).toEqual(retryAnswer({ retried: 1, skipped: 0 }));

    const after = await world.test.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(after).toMatchObject({
      status: "queued",
      dispatchCount: job.dispatchCount + 1,
      requestedById: world.users.merchant.id,
      lastErrorMessage: null,
      inngestEventId: `${job.id}:${job.dispatchCount + 1}`,
    });
    expect(sink.events.map((e) => e.id)).toContain(`${job.id}:${job.dispatchCount + 1}`);
    expect((await world.test.db.order.findUniqueOrThrow({ where: { id: order.id } })).invoiceState).toBe("pending");
    const audit = await world.test.db.auditEvent.findFirstOrThrow({
      where: { action: "job.retried", targetId: job.id },
    });
    expect(audit).toMatchObject({ actorId: world.users.merchant.id, storeId: job.storeId });
    expect(audit.details).toMatchObject({
      via: "dashboard",
      previousStatus: "failed",
      dispatch: job.dispatchCount + 1,
    });

    // Now queued and fresh: not stuck, so not retriable again.
    expect(await retryJob(job.id)).toEqual({ error: "not_retriable" });
  });

  it("answers not_found for another store's job and leaves it alone", async () => {
    const other = await createFailedJob(world, "casa-verde");
    currentUser = world.users.merchant;
    expect(await retryJob(other.id)).toEqual({ error: "not_found" });
    expect(await world.test.db.job.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "failed",
      dispatchCount: 0,
    });
    expect(await world.test.db.auditEvent.count({ where: { targetId: other.id } })).toBe(0);
    expect(await retryJob("no-such-job")).toEqual({ error: "not_found" });
  });
});

describe("bulk retry", () => {
  it("retries only the selected jobs the user may see", async () => {
    const own = await createFailedJob(world, "loja-do-mar");
    const other = await createFailedJob(world, "casa-verde");
    currentUser = world.users.merchant;
    expect(await retrySelectedJobs([own.id, other.id])).toEqual(retryAnswer({ retried: 1, skipped: 1 }));
    expect((await world.test.db.job.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("queued");
    expect(await world.test.db.job.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "failed",
      dispatchCount: 0,
    });
  });

  it("retries every failed job in the user's scope and filters, and nothing else", async () => {
    const own = [
      await createFailedJob(world, "loja-do-mar"),
      await createFailedJob(world, "loja-do-mar", { kind: "invoice_order" }),
    ];
    const other = await createFailedJob(world, "casa-verde");
    const failedOf = (kind?: "sync_product") =>
      world.test.db.job.count({
        where: { storeId: world.stores["loja-do-mar"], status: "failed", ...(kind ? { kind } : {}) },
      });
    currentUser = world.users.merchant;

    // Another store's id in the filter is not found, as on every other page.
    expect(await retryAllFailedJobs({ store: world.stores["casa-verde"] })).toEqual({ error: "not_found" });
    // Filtered on one kind: the failed invoice job stays failed.
    const syncFailed = await failedOf("sync_product");
    expect(await retryAllFailedJobs({ kind: "sync_product" })).toMatchObject({
      ok: true,
      retried: syncFailed,
      skipped: 0,
    });
    expect((await world.test.db.job.findUniqueOrThrow({ where: { id: own[1]!.id } })).status).toBe("failed");

    const rest = await failedOf();
    expect(rest).toBeGreaterThan(0);
    expect(await retryAllFailedJobs({})).toMatchObject({ ok: true, retried: rest, skipped: 0 });
    for (const job of own)
      expect((await world.test.db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("queued");
    expect(await failedOf()).toBe(0);
    expect(await world.test.db.job.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "failed",
      dispatchCount: 0,
    });
    expect(
      await world.test.db.auditEvent.count({
        where: { action: "jobs.bulk_retried", actorId: world.users.merchant.id },
      }),
    ).toBe(2);
  });

  it("does nothing when the page is filtered on another state", async () => {
    await createFailedJob(world, "casa-verde");
    currentUser = world.users.accountant;
    expect(await retryAllFailedJobs({ status: "succeeded" })).toEqual(retryAnswer({ retried: 0, skipped: 0 }));
    expect(
      await world.test.db.job.count({ where: { storeId: world.stores["casa-verde"], status: "failed" } }),
    ).toBeGreaterThan(0);
  });
});

describe("credit-note jobs", () => {
  // Retrying a failed credit-note job issues the credit note: it takes the credit-note permission, which
  // merchants do not have.
  it("are not retried by a merchant, one at a time", async () => {
    const job = await createFailedJob(world, "loja-do-mar", { kind: "credit_note" });
    currentUser = world.users.merchant;
    expect(await retryJob(job.id)).toEqual({ error: "forbidden" });
    expect(await world.test.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "failed",
      dispatchCount: 0,
    });
    expect(sink.events.map((e) => e.id)).not.toContain(`${job.id}:1`);
  });

  it("are left out of a merchant's bulk retries, which say how many", async () => {
    const creditNote = await createFailedJob(world, "loja-do-mar", { kind: "credit_note" });
    const sync = await createFailedJob(world, "loja-do-mar");
    currentUser = world.users.merchant;
    expect(await retrySelectedJobs([creditNote.id, sync.id])).toEqual(
      retryAnswer({ retried: 1, skipped: 1, creditNotesSkipped: 1 }),
    );
    const all = await retryAllFailedJobs({ store: world.stores["loja-do-mar"] });
    expect(all).toMatchObject({ ok: true, creditNotesSkipped: 2 });
    expect(await world.test.db.job.findUniqueOrThrow({ where: { id: creditNote.id } })).toMatchObject({
      status: "failed",
      dispatchCount: 0,
    });
  });

  it("are retried by an accountant", async () => {
    const job = await createFailedJob(world, "loja-do-mar", { kind: "credit_note" });
    currentUser = world.users.accountant;
    expect(await retryJob(job.id)).toEqual(retryAnswer({ retried: 1, skipped: 0 }));
  });
});
