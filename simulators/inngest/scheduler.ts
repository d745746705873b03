// Timers the stand-in waits on (retries, Retry-After, throttle, sleeps), all cancelled by close(), and the
// count of unfinished runs that idle() waits for.
import { setMaxListeners } from "node:events";

export class StandInClosedError extends Error {
  constructor() {
    super("The Inngest stand-in was closed");
    this.name = "StandInClosedError";
  }
}

export class Scheduler {
  private readonly controller = new AbortController();
  private live = 0;
  private idleWaiters: (() => void)[] = [];

  constructor() {
    // One abort listener per pending timer, removed when it fires: thousands of throttled runs wait at once.
    setMaxListeners(0, this.controller.signal);
  }

  get closed(): boolean {
    return this.controller.signal.aborted;
  }

  /** Resolves after `ms`, or rejects with StandInClosedError when the stand-in closes first. */
  wait(ms: number): Promise<void> {
    const signal = this.controller.signal;
    if (signal.aborted) return Promise.reject(new StandInClosedError());
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(new StandInClosedError());
      };
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  runStarted() {
    this.live++;
  }

  runSettled() {
    this.live--;
    if (this.live === 0) this.flushIdle();
  }

  /**
   * Resolves when no run is queued, running, sleeping or waiting for a retry. Rejects after `timeoutMs`
   * with `describe()` in the message, so a stuck run fails the test instead of hanging it.
   */
  idle(timeoutMs: number, describe: () => string): Promise<void> {
    if (this.live === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
        reject(new Error(`Inngest stand-in still busy after ${timeoutMs} ms: ${describe()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.idleWaiters.push(done);
    });
  }

  close() {
    this.controller.abort();
    this.flushIdle();
  }

  private flushIdle() {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
