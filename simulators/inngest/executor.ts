// Drives each run through the app's serve handler, one call request at a time, the way Inngest's executor
// does: memoize what each step returned, plan parallel steps, retry with backoff (per step: the attempt
// counter restarts after each finished step), and on a final failure emit `inngest/function.failed`, which
// triggers the function's `onFailure` handler (registered by the SDK as `<fnId>-failure`).
import { randomUUID } from "node:crypto";
import { ConcurrencyLimiter, Throttle, concurrencyGroups } from "./flow-control";
import { callFunction, type CallResult } from "./protocol";
import { Scheduler, StandInClosedError } from "./scheduler";
import { parseDuration } from "./time";
import type {
  EventPayload,
  InngestEvent,
  Log,
  MemoizedStep,
  OutgoingOp,
  RegisteredFunction,
  RunRecord,
  SerializedError,
} from "./types";

export interface ExecutorOptions {
  fetch: typeof fetch;
  signingKey?: string;
  /** Delay before retry number `attempt` (1 = the first retry) when the app gave no Retry-After. */
  retryDelayMs: (attempt: number) => number;
  /** Upper bound on a Retry-After delay, so a test never waits for an hour. */
  maxRetryAfterMs: number;
  /** Upper bound on `step.sleep`; 0 (the default) ends every sleep at once. */
  maxSleepMs: number;
  log: Log;
  /** Sends an event back into the stand-in (used for `inngest/function.failed`). */
  emit: (payload: EventPayload) => void;
  /** The clock flow control reads (the throttle); timers still run in real time. */
  now: () => number;
  /** Lets the SDK run a run's steps in one request, checkpointing each (see CallInput.checkpoint). */
  checkpointing: boolean;
}

interface RunState {
  record: RunRecord;
  fn: RegisteredFunction;
  event: InngestEvent;
  /** Creation order: waiting requests of older runs get concurrency slots first, as in Inngest. */
  seq: number;
  steps: Record<string, MemoizedStep>;
  stack: string[];
  attempt: number;
  planned: string[];
  disableImmediate: boolean;
  version: number;
  stepAttempts: Map<string, number>;
}

type Next = "continue" | "done";
type RetryHint = { noRetry: boolean; retryAfterMs?: number };

export class Executor {
  private seq = 0;
  private readonly runs: RunState[] = [];
  private readonly concurrency = new ConcurrencyLimiter();
  private readonly throttle = new Throttle();

  constructor(
    private readonly opts: ExecutorOptions,
    private readonly scheduler: Scheduler,
  ) {}

  records(): RunRecord[] {
    return this.runs.map((run) => structuredClone(run.record));
  }

  describeBusy(): string {
    const busy = this.runs.filter((r) => r.record.status === "queued" || r.record.status === "running");
    return busy.map((r) => `${r.fn.id} run ${r.record.runId} ${r.record.status} (attempt ${r.attempt})`).join("; ");
  }

  close() {
    this.concurrency.clear();
  }

  start(fn: RegisteredFunction, event: InngestEvent): RunRecord {
    const record: RunRecord = {
      runId: randomUUID(),
      functionId: fn.id,
      eventId: event.id,
      eventName: event.name,
      status: "queued",
      attempts: 1,
      requests: 0,
      steps: [],
      queuedAt: Date.now(),
    };
    const run: RunState = {
      record,
      fn,
      event,
      seq: this.seq++,
      steps: {},
      stack: [],
      attempt: 0,
      planned: [],
      disableImmediate: false,
      version: -1,
      stepAttempts: new Map(),
    };
    this.runs.push(run);
    this.scheduler.runStarted();
    void this.drive(run).finally(() => this.scheduler.runSettled());
    return record;
  }

  private async drive(run: RunState) {
    try {
      const wait = this.throttle.reserve(run.fn, run.event, this.opts.now());
      if (wait > 0) this.opts.log(`${run.fn.id} run ${run.record.runId}: throttled, starts in ${wait} ms`);
      await this.scheduler.wait(wait);
      while ((await this.request(run)) === "continue");
    } catch (error) {
      if (error instanceof StandInClosedError) return;
      const cause = error as Error;
      this.fail(run, { name: cause.name, message: cause.message, stack: cause.stack }, false);
    }
  }

  private async request(run: RunState): Promise<Next> {
    const stepId = run.planned[0] ?? "step";
    const release = await this.concurrency.acquire(run.seq, concurrencyGroups(run.fn, run.event));
    let result: CallResult;
    try {
      if (this.scheduler.closed) throw new StandInClosedError();
      if (run.record.status === "queued") {
        run.record.status = "running";
        run.record.startedAt = Date.now();
      }
      run.record.requests++;
      const input = {
        url: run.fn.url,
        stepId,
        event: run.event,
        runId: run.record.runId,
        attempt: run.attempt,
        maxAttempts: run.fn.retries + 1,
        steps: run.steps,
        stack: run.stack,
        disableImmediateExecution: run.disableImmediate,
        version: run.version,
        ...(this.opts.checkpointing
          ? { checkpoint: { fnId: run.fn.id, queueItemId: `${run.record.runId}:${run.record.requests}` } }
          : {}),
      };
      result = await callFunction(input, { fetch: this.opts.fetch, signingKey: this.opts.signingKey });
    } finally {
      release();
    }
    if (result.version) run.version = result.version;
    if (result.kind === "completed") return this.complete(run, result.output);
    if (result.kind === "error") return this.retryOrFail(run, result.error, result);
    return this.handleOps(run, result.ops, result);
  }

  private async handleOps(run: RunState, ops: OutgoingOp[], hint: RetryHint): Promise<Next> {
    // Several ops at once means parallel steps: from now on each must be planned and then requested by id.
    if (ops.length > 1) run.disableImmediate = true;
    let progressed = false;
    for (const op of ops) {
      if (["StepRun", "StepError", "StepFailed"].includes(op.op))
        run.stepAttempts.set(op.id, (run.stepAttempts.get(op.id) ?? 0) + 1);
      switch (op.op) {
        case "StepRun":
          this.memoize(run, op, { type: "data", data: op.data ?? null });
          break;
        case "StepFailed":
          this.memoize(run, op, { type: "error", error: op.error ?? { name: "Error", message: "Step failed" } });
          break;
        case "StepError": {
          const error = op.error ?? { name: "Error", message: "Step failed" };
          if (await this.retried(run, error, hint)) return "continue";
          this.memoize(run, op, { type: "error", error });
          break;
        }
        case "StepPlanned":
          if (op.id in run.steps || run.planned.includes(op.id)) continue;
          run.planned.push(op.id);
          break;
        case "Sleep": {
          const requested = parseDuration(String(op.opts?.duration ?? op.name ?? "0s"));
          await this.scheduler.wait(Math.min(requested, this.opts.maxSleepMs));
          this.memoize(run, op, { type: "data", data: null });
          break;
        }
        case "RunComplete":
          return this.complete(run, op.data ?? null);
        case "StepNotFound":
          return this.retryOrFail(
            run,
            { name: "StepNotFound", message: `The app could not find step ${op.id}` },
            { noRetry: false },
          );
        default: {
          const message = `Step op ${op.op} (${op.displayName ?? op.id}) is not supported by the Inngest stand-in`;
          this.fail(run, { name: "InngestStandInUnsupported", message }, false);
          return "done";
        }
      }
      progressed = true;
    }
    if (progressed) return "continue";
    const error = { name: "Error", message: `The app reported no new step: ${JSON.stringify(ops).slice(0, 300)}` };
    return this.retryOrFail(run, error, { noRetry: false });
  }

  /**
   * Steps the SDK checkpointed during a request (`POST /v1/checkpoint/:runId/async`): remembered as if a 206
   * had returned them, so a later request (a retry) replays them. False when no run has that id.
   */
  checkpoint(runId: string, ops: OutgoingOp[]): boolean {
    const run = this.runs.find((r) => r.record.runId === runId && r.record.status === "running");
    if (!run) return false;
    for (const op of ops) {
      if (op.op !== "StepRun") {
        this.opts.log(`${run.fn.id} run ${runId}: checkpointed op ${op.op} is not supported, ignored`);
        continue;
      }
      run.stepAttempts.set(op.id, (run.stepAttempts.get(op.id) ?? 0) + 1);
      this.memoize(run, op, { type: "data", data: op.data ?? null });
    }
    return true;
  }

  private memoize(run: RunState, op: OutgoingOp, value: MemoizedStep) {
    run.steps[op.id] = value;
    run.stack.push(op.id);
    run.planned = run.planned.filter((id) => id !== op.id);
    run.attempt = 0;
    run.record.steps.push({
      id: op.id,
      name: op.displayName ?? op.name ?? op.id,
      op: op.op,
      status: value.type === "data" ? "completed" : "failed",
      attempts: run.stepAttempts.get(op.id) ?? 1,
      ...(value.type === "error" ? { error: value.error } : {}),
    });
  }

  /** Waits and counts the next attempt when one is allowed; false when retries are exhausted or refused. */
  private async retried(run: RunState, error: SerializedError, hint: RetryHint): Promise<boolean> {
    const maxAttempts = run.fn.retries + 1;
    if (hint.noRetry || run.attempt + 1 >= maxAttempts) return false;
    const delay =
      hint.retryAfterMs !== undefined
        ? Math.min(hint.retryAfterMs, this.opts.maxRetryAfterMs)
        : this.opts.retryDelayMs(run.attempt + 1);
    this.opts.log(
      `${run.fn.id} run ${run.record.runId}: ${error.name}: ${error.message}; attempt ${run.attempt + 2} of ${maxAttempts} in ${delay} ms`,
    );
    await this.scheduler.wait(delay);
    run.attempt++;
    run.record.attempts++;
    return true;
  }

  private async retryOrFail(run: RunState, error: SerializedError, hint: RetryHint): Promise<Next> {
    if (await this.retried(run, error, hint)) return "continue";
    this.fail(run, error, true);
    return "done";
  }

  private complete(run: RunState, output: unknown): Next {
    Object.assign(run.record, { status: "completed", output, endedAt: Date.now() });
    this.opts.log(`${run.fn.id} run ${run.record.runId}: completed`);
    return "done";
  }

  /** `notify` emits `inngest/function.failed`; stand-in limitations fail the run without it. */
  private fail(run: RunState, error: SerializedError, notify: boolean) {
    Object.assign(run.record, { status: "failed", error, endedAt: Date.now() });
    this.opts.log(`${run.fn.id} run ${run.record.runId}: failed: ${error.name}: ${error.message}`);
    if (!notify) return;
    const { name, message, stack } = error;
    this.opts.emit({
      name: "inngest/function.failed",
      data: { function_id: run.fn.id, run_id: run.record.runId, error: { name, message, stack }, event: run.event },
    });
  }
}
