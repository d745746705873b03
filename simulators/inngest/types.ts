// Shapes shared by the Inngest stand-in: what the SDK sends us, what we send it, and the records tests read.

/** An error as the SDK serializes it (`serializeError`): name, message, optional stack. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

/** An event as functions receive it. `id` is the sender's id when given (it deduplicates), else ours. */
export interface InngestEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  user?: Record<string, unknown>;
  v?: string;
}

/** What a sender may pass: only `name` is required. */
export interface EventPayload {
  id?: string;
  name: string;
  data?: Record<string, unknown>;
  ts?: number;
  user?: Record<string, unknown>;
  v?: string;
}

export type Trigger = { event: string; expression?: string } | { cron: string };

export interface ConcurrencyConfig {
  limit: number;
  key?: string;
  scope?: "fn" | "env" | "account";
}

export interface PeriodLimitConfig {
  limit: number;
  /** A time string such as "1m" or "30s". */
  period: string;
  key?: string;
  burst?: number;
}

/** A function as an app registered it, reduced to what the stand-in acts on. */
export interface RegisteredFunction {
  /** The composite id `<appId>-<fnId>`; an `onFailure` handler is registered as `<appId>-<fnId>-failure`. */
  id: string;
  name: string;
  appId: string;
  /** The serve URL with `fnId` and `stepId=step`, as registered. */
  url: string;
  triggers: Trigger[];
  /** Retries after the first attempt (Inngest's default is 3). */
  retries: number;
  concurrency: ConcurrencyConfig[];
  throttle?: PeriodLimitConfig;
  rateLimit?: PeriodLimitConfig;
  idempotency?: string;
}

/** A memoized step result, in the shape the SDK 4 reads from `steps` in a call request. */
export type MemoizedStep = { type: "data"; data: unknown } | { type: "error"; error: SerializedError };

/** An operation reported by the SDK in a 206 response. */
export interface OutgoingOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: SerializedError;
  opts?: Record<string, unknown>;
}

export type RunStatus = "queued" | "running" | "completed" | "failed";

export interface StepRecord {
  /** The hashed step id the SDK uses. */
  id: string;
  /** The id given in code (`step.run("this-one", …)`). */
  name: string;
  op: string;
  status: "completed" | "failed";
  /** How many times the step body ran (1 = succeeded first time). */
  attempts: number;
  error?: SerializedError;
}

export interface RunRecord {
  runId: string;
  functionId: string;
  /** The triggering event's id (as the function sees it) and name. */
  eventId: string;
  eventName: string;
  status: RunStatus;
  /** 1 + the number of retries this run needed, across all its steps. */
  attempts: number;
  /** Requests made to the app for this run. */
  requests: number;
  /** Steps in the order they finished. */
  steps: StepRecord[];
  output?: unknown;
  error?: SerializedError;
  queuedAt: number;
  startedAt?: number;
  endedAt?: number;
}

export interface EventRecord {
  /** Our id for the event (what `send` returns in `ids`). */
  internalId: string;
  event: InngestEvent;
  receivedAt: number;
  /** True when an event with the same `id` was received in the last 24 h: it triggers nothing. */
  duplicate: boolean;
  runIds: string[];
  /** Functions the event matched but that did not run, and why. */
  skipped: { functionId: string; reason: "idempotency" | "rateLimit" }[];
}

export type Log = (message: string) => void;
