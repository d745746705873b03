// How a step's failure becomes Inngest's retry decision or a parked job, and what is written on the job meanwhile.
import { NonRetriableError, RetryAfterError } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { ServiceError } from "@/lib/errors";
import { DataProblem } from "@/lib/pipeline/errors";
import { setPipelineServices, type PipelineServices } from "@/lib/pipeline/services";
import { staleRunningAfterMs } from "@/lib/jobs/dispatch";
import { databaseRetryDelayMs, longestWaitInRunMs } from "@/lib/outages/policy";
import { jobRetries } from "./flow-control";
import { guarded, onJobFailure, type StepScope } from "./job-steps";

interface FakeDb {
  recorded: unknown[];
  parked: unknown[];
  /** The job's history as the order's timeline reads it. */
  events: unknown[];
  breakerOpen: boolean;
}

function fakeServices(options: { breakerOpen?: boolean } = {}): FakeDb {
  const state: FakeDb = { recorded: [], parked: [], events: [], breakerOpen: options.breakerOpen ?? false };
  const services = {
    db: {
      job: {
        updateMany: async (args: { data: Record<string, unknown> }) => {
          (args.data.status === "waiting" ? state.parked : state.recorded).push(args);
          return { count: 1 };
        },
        findUnique: async () => ({ transientFailures: 0, storeId: "store-1" }),
      },
      jobEvent: {
        create: async (args: { data: unknown }) => {
          state.events.push(args.data);
          return args.data;
        },
      },
      $queryRaw: async () => [{ id: "breaker-1", openedAt: state.breakerOpen ? new Date() : null }],
      $executeRaw: async () => 0,
      $transaction: async () => ({ id: "outage-1", created: true }),
    },
    publicUrl: "http://ponte.test",
    forStore: async () => {
      throw new Error("not used");
    },
  } as unknown as PipelineServices;
  setPipelineServices(services);
  return state;
}

const scope = (attempt = 0): StepScope => ({
  ref: { jobId: "job-1", dispatchCount: 2 },
  storeId: "store-1",
  vendusKey: "key-digest",
  attempt,
});
const failWith = (error: unknown, attempt = 0) => guarded(scope(attempt), async () => Promise.reject(error))();
const vendusDown = () =>
  new ServiceError({ service: "vendus", kind: "transient", status: 503, message: "Vendus POST documents/: HTTP 503" });

describe("guarded step bodies", () => {
  afterEach(() => setPipelineServices(null));

  it("stops at once on a data problem, with the actionable message recorded on the job", async () => {
    const db = fakeServices();
    const error = await failWith(
      new DataProblem("invalid_nif", 'The NIF "1" is not valid. Correct it in Jumpseller.', "refused", { nif: "1" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetriableError);
    expect((error as Error).message).toContain("Correct it in Jumpseller");
    expect(db.recorded).toEqual([
      {
        where: { id: "job-1", dispatchCount: 2 },
        data: {
          lastErrorKind: "refused",
          lastErrorCode: "invalid_nif",
          lastErrorParams: { nif: "1" },
          lastErrorMessage: 'The NIF "1" is not valid. Correct it in Jumpseller.',
        },
      },
    ]);
    expect(db.parked).toEqual([]);
    expect(db.events).toEqual([
      {
        jobId: "job-1",
        dispatch: 2,
        type: "error",
        attempt: 1,
        errorKind: "refused",
        errorCode: "invalid_nif",
        errorParams: { nif: "1" },
        message: 'The NIF "1" is not valid. Correct it in Jumpseller.',
      },
    ]);
  });

  it("stops at once on a Vendus validation error (403 P001)", async () => {
    const db = fakeServices();
    const refused = new ServiceError({
      service: "vendus",
      kind: "validation",
      code: "P001",
      status: 403,
      message: "O campo x é inválido",
    });
    const error = await failWith(refused).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetriableError);
    // Stored as the service failure's code; Vendus's own code and words stay with it for the detail.
    expect(db.recorded).toMatchObject([
      {
        data: {
          lastErrorKind: "validation",
          lastErrorCode: "vendus_error",
          lastErrorParams: { detail: "O campo x é inválido", serviceCode: "P001", status: 403 },
          lastErrorMessage: "Vendus refused the request: O campo x é inválido",
        },
      },
    ]);
  });

  it("waits until the service's reset on a 429, and parks the job rather than fail on the last attempt", async () => {
    const db = fakeServices();
    const retryAt = new Date(Date.now() + 30_000);
    const limited = new ServiceError({
      service: "vendus",
      kind: "rate_limited",
      status: 429,
      message: "Too Many Requests",
      retryAt,
    });
    const error = await failWith(limited).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryAfterError);
    expect((error as RetryAfterError).retryAfter).toBe(retryAt.toISOString());
    expect(await failWith(limited, 5)).toEqual({ parked: true, reason: "vendus", retryAt: retryAt.toISOString() });
    expect(db.parked).toMatchObject([{ data: { status: "waiting", waitingFor: "vendus", retryAt } }]);
  });

  it("parks the job until a reset too far off for a run to wait out (a ban), with the error recorded", async () => {
    const db = fakeServices();
    const retryAt = new Date(Date.now() + 60 * 60_000);
    const banned = new ServiceError({
      service: "jumpseller",
      kind: "rate_limited",
      status: 429,
      message: "Banned by rate limit",
      retryAt,
    });
    expect(await failWith(banned, 0)).toEqual({ parked: true, reason: "jumpseller", retryAt: retryAt.toISOString() });
    expect(db.recorded).toHaveLength(1);
    expect(db.parked).toMatchObject([{ data: { status: "waiting", waitingFor: "jumpseller", retryAt } }]);
  });

  it("retries an outage failure through Inngest for a blip, then parks the job a minute instead of failing it", async () => {
    const db = fakeServices();
    const transient = vendusDown();
    expect(await failWith(transient, 0).catch((e: unknown) => e)).toBe(transient);
    expect(await failWith(transient, 1).catch((e: unknown) => e)).toBe(transient);
    expect(db.parked).toEqual([]);

    const before = Date.now();
    const parked = (await failWith(transient, 2)) as { parked: boolean; retryAt: string };
    expect(parked).toMatchObject({ parked: true, reason: "vendus" });
    const delay = new Date(parked.retryAt).getTime() - before;
    expect(delay).toBeGreaterThanOrEqual(59_000);
    expect(delay).toBeLessThanOrEqual(61_000);
    expect(db.parked).toMatchObject([{ data: { status: "waiting", waitingFor: "vendus", transientFailures: 1 } }]);
  });

  it("parks the job at once, with no time set, when the service's breaker is open", async () => {
    const db = fakeServices({ breakerOpen: true });
    expect(await failWith(vendusDown())).toEqual({ parked: true, reason: "vendus", retryAt: null });
    expect(db.parked).toMatchObject([{ data: { status: "waiting", waitingFor: "vendus", retryAt: null } }]);
    expect(db.events).toMatchObject([
      { type: "error", attempt: 1, errorKind: "transient" },
      { type: "parked", message: "vendus" },
    ]);
  });

  it("parks the job until the store is reconnected when Vendus refuses the key (401)", async () => {
    const db = fakeServices();
    const refused = new ServiceError({ service: "vendus", kind: "auth", status: 401, message: "Vendus: 401" });
    expect(await failWith(refused)).toEqual({ parked: true, reason: "vendus_key", retryAt: null });
    expect(db.parked).toMatchObject([{ data: { waitingFor: "vendus_key", retryAt: null } }]);
  });

  it("retries a step that found the database away after 5 s, 15 s…, writing nothing meanwhile", async () => {
    const db = fakeServices();
    const away = Object.assign(new Error("Raw query failed. Code: `57P01`. Message: `terminating connection`"), {
      meta: { driverAdapterError: { cause: { originalCode: "57P01" } } },
    });
    const first = await failWith(away, 0).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RetryAfterError);
    expect((first as RetryAfterError).retryAfter).toBe("5");
    expect(((await failWith(away, 1).catch((e: unknown) => e)) as RetryAfterError).retryAfter).toBe("15");
    expect(db.recorded).toEqual([]);
    expect(db.parked).toEqual([]);
  });

  it("waits for VIES like an outage: retried for a blip, then the job is parked", async () => {
    const db = fakeServices();
    const down = new ServiceError({ service: "vies", kind: "transient", code: "MS_UNAVAILABLE", message: "VIES down" });
    expect(await failWith(down, 0).catch((e: unknown) => e)).toBe(down);
    expect(await failWith(down, 2)).toMatchObject({ parked: true, reason: "vies" });
    expect(db.parked).toMatchObject([{ data: { status: "waiting", waitingFor: "vies" } }]);
  });

  it("parks the job for the database, never fails it, when a run gave up while the database was away", async () => {
    const db = fakeServices();
    const steps: string[] = [];
    const result = await onJobFailure({
      event: {
        data: {
          event: { data: { jobId: "job-1", dispatchCount: 2, storeId: "store-1", vendusKey: "key-digest" } },
          error: { name: "Error", message: "Raw query failed. Code: `57P01`. Message: `terminating connection`" },
        },
      },
      step: { run: async (id, fn) => (steps.push(id), fn()) },
    });
    expect(result).toEqual({ parked: true });
    expect(steps).toEqual(["park-job-for-database"]);
    expect(db.parked).toMatchObject([{ data: { status: "waiting", waitingFor: "database" } }]);
  });

  it("lets other errors through for Inngest's backoff", async () => {
    const db = fakeServices();
    const bug = new Error("something unexpected");
    expect(await failWith(bug, 3).catch((e: unknown) => e)).toBe(bug);
    expect(db.recorded).toHaveLength(1);
    expect(db.parked).toEqual([]);
  });
});

// A live invoice or credit-note run writes its job at every step and at every failed attempt; it is silent
// only while it waits: the lease after which the sweep sends its job again must be longer than any such wait.
describe("the lease of a running document job", () => {
  it("is longer than the longest wait of a live run, with room for the attempts themselves", () => {
    // A step's retries while the database is away (nothing can be written), then the failure handler's one retry.
    const databaseWindowMs =
      Array.from({ length: jobRetries }, (_, attempt) => databaseRetryDelayMs(attempt)).reduce((a, b) => a + b, 0) +
      databaseRetryDelayMs(0);
    expect(databaseWindowMs).toBe(610_000);
    // Inngest's backoff after an attempt that recorded its error: 15 s, 30 s, 1 min, 2 min, 5 min, plus up to 30 s.
    const inngestBackoffMs = [15, 30, 60, 120, 300].slice(0, jobRetries).map((s) => (s + 30) * 1000);
    const longestWaitMs = Math.max(databaseWindowMs, ...inngestBackoffMs, longestWaitInRunMs);
    expect(staleRunningAfterMs - longestWaitMs).toBeGreaterThanOrEqual(4 * 60_000);
  });
});
