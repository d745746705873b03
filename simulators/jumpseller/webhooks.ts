// Hook deliveries as Jumpseller makes them: a signed JSON POST per registered hook, 15 s timeout, retried on
// anything but 2xx with growing delays (N^4 minutes), then the hook is paused.
// The signature is computed here with node:crypto directly, not with Ponte's helper, so that a test of the
// helper against this simulator checks two independent implementations.
import { createHmac } from "node:crypto";
import type { Clock, StoreState } from "./state";
import { triggeredAtTime } from "./serialize";

export interface DeliveryAttempt {
  id: number;
  hookId: number;
  url: string;
  event: string;
  /** 1 for the first try, 2.. for retries. */
  attempt: number;
  /** HTTP status, or null when the request failed, timed out, or was suppressed. */
  status: number | null;
  error: string | null;
  suppressed: boolean;
  /** The exact bytes sent and the headers, to replay a delivery by hand. */
  body: string;
  headers: Record<string, string>;
  at: Date;
}

export interface WebhookOptions {
  timeoutMs: number;
  /** Delays before retries 1..n; Jumpseller's default is 1, 16, 81, 256 minutes. */
  retryDelaysMs: number[];
}

export const defaultRetryDelaysMs = [1, 2, 3, 4].map((n) => n ** 4 * 60_000);

export function createWebhookDispatcher(state: StoreState, clock: Clock, options: WebhookOptions) {
  const attempts: DeliveryAttempt[] = [];
  const pending = new Set<Promise<void>>();
  const timers = new Map<NodeJS.Timeout, () => void>();
  const suppressions: { event: string | null; left: number }[] = [];
  let nextAttemptId = 1;
  let closed = false;

  function isSuppressed(event: string): boolean {
    const rule = suppressions.find((s) => s.left > 0 && (s.event === null || s.event === event));
    if (!rule) return false;
    rule.left -= 1;
    return true;
  }

  async function post(url: string, body: string, headers: Record<string, string>) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await fetch(url, { method: "POST", body, headers, signal: controller.signal });
      // Drain the body so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status, error: null };
    } catch (error) {
      const message = controller.signal.aborted
        ? `timed out after ${options.timeoutMs} ms`
        : String((error as Error)?.message ?? error);
      return { status: null, error: message };
    } finally {
      clearTimeout(timer);
    }
  }

  function track(promise: Promise<void>) {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  }

  function waitThenTrack(delayMs: number, run: () => Promise<void>) {
    let release!: () => void;
    const waiting = new Promise<void>((resolve) => (release = resolve));
    track(waiting);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) track(run());
      release();
    }, delayMs);
    timers.set(timer, release);
  }

  async function attempt(hookId: number, event: string, body: string, headers: Record<string, string>, n: number) {
    const hook = state.hooks.get(hookId);
    if (!hook || hook.paused || closed) return;
    const result = await post(hook.url, body, headers);
    attempts.push({
      id: nextAttemptId++,
      hookId,
      url: hook.url,
      event,
      attempt: n,
      ...result,
      suppressed: false,
      body,
      headers,
      at: clock.now(),
    });
    if (result.status !== null && result.status >= 200 && result.status < 300) return;
    const delay = options.retryDelaysMs[n - 1];
    if (delay === undefined) {
      hook.paused = true;
      return;
    }
    waitThenTrack(delay, () => attempt(hookId, event, body, headers, n + 1));
  }

  return {
    /** Sends `payload` to every active hook registered for `event`, in the background. */
    emit(event: string, payload: unknown) {
      const body = JSON.stringify(payload);
      const signature = createHmac("sha256", state.profile.hooksToken).update(body, "utf8").digest("base64");
      const headers = {
        "Content-Type": "application/json",
        "Jumpseller-Store-Code": state.profile.code,
        "Jumpseller-Event": event,
        "Jumpseller-Hmac-Sha256": signature,
        "Jumpseller-Triggered-At": triggeredAtTime(clock.now()),
      };
      for (const hook of state.hooks.values()) {
        if (hook.event !== event || hook.paused) continue;
        if (isSuppressed(event)) {
          attempts.push({
            id: nextAttemptId++,
            hookId: hook.id,
            url: hook.url,
            event,
            attempt: 1,
            status: null,
            error: "suppressed",
            suppressed: true,
            body,
            headers,
            at: clock.now(),
          });
          continue;
        }
        track(attempt(hook.id, event, body, headers, 1));
      }
    },
    /** Drops the next `count` deliveries (of `event`, or of any event), as a lost delivery would. */
    suppress(count: number, event: string | null = null) {
      suppressions.push({ event, left: count });
    },
    deliveries: (): DeliveryAttempt[] => attempts.map((a) => ({ ...a, headers: { ...a.headers } })),
    /** Resolves when no delivery or scheduled retry is left. */
    async settle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close() {
      closed = true;
      for (const [timer, release] of timers) {
        clearTimeout(timer);
        release();
      }
      timers.clear();
    },
  };
}
export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
