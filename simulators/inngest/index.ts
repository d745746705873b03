// A local stand-in for the Inngest server, for tests and the local runner on machines where the Inngest dev
// server cannot be installed. It speaks the public SDK protocol over HTTP; production uses Inngest Cloud or a
// self-hosted `inngest start`, never this. See README.md for what it supports.
import { randomUUID } from "node:crypto";
import { closeServer, listen } from "../shared/http";
import { EventLog } from "./event-log";
import { Executor } from "./executor";
import { signBody } from "./protocol";
import { RunLimits } from "./flow-control";
import { Registry } from "./registry";
import { Scheduler } from "./scheduler";
import { createStandInServer } from "./server";
import type { EventPayload, EventRecord, Log, RegisteredFunction, RunRecord } from "./types";

export type * from "./types";

export interface InngestStandInOptions {
  /** Port to listen on (0, the default, picks a free one). */
  port?: number;
  host?: string;
  /** The app's serve URL (e.g. http://127.0.0.1:3000/api/inngest): registered right after start. */
  serveUrl?: string;
  /** Used to call the app; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Sign call requests like Inngest Cloud, for apps not in dev mode. Dev-mode apps need none. */
  signingKey?: string;
  /** Delay before retry number `attempt` (1-based). Default: 500 ms doubling, capped at 10 s. */
  retryDelayMs?: (attempt: number) => number;
  /** Cap on a Retry-After delay. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Cap on `step.sleep`. Default 0: sleeps end at once. */
  maxSleepMs?: number;
  /**
   * Send the ids that make the SDK checkpoint (as Inngest Cloud and `inngest start` do): a run's steps then
   * run one after another in one request, each posted back to the stand-in. Default false: one request per
   * step, the SDK's other mode, which the tests drive step by step.
   */
  checkpointing?: boolean;
  /** How long idle() waits before failing with the runs still busy. Default 30 s. */
  idleTimeoutMs?: number;
  /**
   * The clock flow control and event deduplication read (throttle, rate limit, idempotency, event ids), so a
   * test that moves its own clock hours ahead sees the throttle as it would be then. Default: real time.
   * Timers (retries, sleeps, a throttled start) still wait in real time.
   */
  clock?: () => number;
  log?: Log;
}

export interface InngestStandIn {
  /** Base URL: give it to the app as `INNGEST_DEV` (or `INNGEST_BASE_URL` with dev mode on). */
  url: string;
  /** Syncs an app: PUTs its serve handler, which registers its functions here. Throws if they went elsewhere. */
  register(serveUrl: string): Promise<void>;
  /** Sends events as `inngest.send` would; returns the ids assigned. */
  send(events: EventPayload | EventPayload[]): { ids: string[] };
  /** Fires cron functions due in the minute of `cronNow`, or every cron function when it is omitted. */
  tick(cronNow?: Date): RunRecord[];
  /** Resolves when no run is queued, running, sleeping or waiting for a retry. */
  idle(timeoutMs?: number): Promise<void>;
  runs(): RunRecord[];
  events(): EventRecord[];
  functions(): RegisteredFunction[];
  close(): Promise<void>;
}

export function defaultRetryDelayMs(attempt: number): number {
  // Inngest backs off exponentially from seconds to hours; locally the same shape, much shorter.
  return Math.min(500 * 2 ** (attempt - 1), 10_000);
}

export async function startInngestStandIn(options: InngestStandInOptions = {}): Promise<InngestStandIn> {
  const userLog = options.log;
  const log: Log = userLog ? (message) => userLog(`[inngest-stand-in] ${message}`) : () => {};
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const registry = new Registry(log);
  const eventLog = new EventLog();
  const limits = new RunLimits();
  const scheduler = new Scheduler();
  const deployIds = new Set<string>();
  const now = options.clock ?? Date.now;

  const ingest = (payloads: EventPayload[], seed?: string): string[] =>
    payloads.map((payload, index) => {
      const record = eventLog.accept(payload, payload.id ?? (seed ? `seed:${seed}:${index}` : undefined), now());
      if (record.duplicate) {
        log(`event ${payload.name} ${payload.id}: duplicate id within 24 h, triggers nothing`);
        return record.internalId;
      }
      for (const fn of registry.matchEvent(record.event)) {
        const admitted = limits.admit(fn, record.event, now());
        if (admitted.ok) {
          record.runIds.push(executor.start(fn, record.event).runId);
        } else {
          record.skipped.push({ functionId: fn.id, reason: admitted.reason });
          log(`event ${payload.name} ${record.event.id}: ${fn.id} skipped (${admitted.reason})`);
        }
      }
      return record.internalId;
    });

  const executor = new Executor(
    {
      fetch: fetchImpl,
      signingKey: options.signingKey,
      retryDelayMs: options.retryDelayMs ?? defaultRetryDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      maxSleepMs: options.maxSleepMs ?? 0,
      log,
      emit: (payload) => ingest([payload]),
      now,
      checkpointing: options.checkpointing ?? false,
    },
    scheduler,
  );

  const server = createStandInServer({
    ingest,
    register: (body, deployId) => {
      const modified = registry.register(body);
      if (deployId) deployIds.add(deployId);
      log(`app ${body.appName} registered ${body.functions.map((f) => f.id).join(", ") || "no functions"}`);
      return modified;
    },
    functions: () => registry.all(),
    runs: () => executor.records(),
    events: () => eventLog.all(),
    checkpoint: (runId, ops) => executor.checkpoint(runId, ops),
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host}:${port}`;

  const register = async (serveUrl: string) => {
    const deployId = randomUUID();
    const target = new URL(serveUrl);
    target.searchParams.set("deployId", deployId);
    // Signed like Inngest's own sync when the app has a signing key: a production app refuses an unsigned one.
    const response = await fetchImpl(target, {
      method: "PUT",
      headers: {
        "x-inngest-server-kind": options.signingKey ? "cloud" : "dev",
        ...(options.signingKey ? { "x-inngest-signature": signBody("", options.signingKey) } : {}),
      },
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`Syncing ${serveUrl} failed (${response.status}): ${body}`);
    if (!deployIds.has(deployId)) {
      throw new Error(
        `The app at ${serveUrl} synced, but not with this stand-in: set INNGEST_DEV=${url} (or the client's baseUrl) in the app`,
      );
    }
  };

  if (options.serveUrl) await register(options.serveUrl);

  return {
    url,
    register,
    send: (events) => ({ ids: ingest([events].flat()) }),
    tick: (cronNow) =>
      registry.matchCron(cronNow).map(({ fn, cron }) => {
        const record = eventLog.accept({ name: "inngest/scheduled.timer", data: { cron } }, undefined, now());
        const run = executor.start(fn, record.event);
        record.runIds.push(run.runId);
        return structuredClone(run);
      }),
    idle: (timeoutMs) => scheduler.idle(timeoutMs ?? options.idleTimeoutMs ?? 30_000, () => executor.describeBusy()),
    runs: () => executor.records(),
    events: () => eventLog.all(),
    functions: () => registry.all(),
    close: async () => {
      scheduler.close();
      executor.close();
      await closeServer(server);
    },
  };
}
