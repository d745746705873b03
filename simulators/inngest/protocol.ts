// One call request to an app's serve handler, and what its answer means. See SDK_SPEC.md §4.4 and §5 in the
// inngest/inngest repository, and `InngestCommHandler.handleAction` in the SDK:
// 200 → the function returned (body = its output); 206 → an array of step ops; 400/500 → an error, with
// `x-inngest-no-retry: true` for NonRetriableError (or a final attempt) and `retry-after` for RetryAfterError.
import { createHmac } from "node:crypto";
import { parseRetryAfter } from "./time";
import type { InngestEvent, MemoizedStep, OutgoingOp, SerializedError } from "./types";

export interface CallInput {
  url: string;
  /** "step" to let the SDK discover (and run at once) the next step; a hashed step id to run that step. */
  stepId: string;
  event: InngestEvent;
  runId: string;
  attempt: number;
  maxAttempts: number;
  steps: Record<string, MemoizedStep>;
  stack: string[];
  disableImmediateExecution: boolean;
  /** The execution version the SDK last reported in `x-inngest-req-version`; -1 lets it choose. */
  version: number;
  /**
   * Sent as Inngest sends them (`fn_id`, `qi_id`): the SDK then runs the steps one after another in this
   * request, posting each result to `/v1/checkpoint/:runId/async`, instead of one request per step.
   */
  checkpoint?: { fnId: string; queueItemId: string };
}

export type CallResult =
  | { kind: "completed"; output: unknown; version?: number }
  | { kind: "ops"; ops: OutgoingOp[]; noRetry: boolean; retryAfterMs?: number; version?: number }
  | { kind: "error"; error: SerializedError; noRetry: boolean; retryAfterMs?: number; version?: number };

export function buildCallBody(input: CallInput) {
  return {
    version: input.version,
    event: input.event,
    events: [input.event],
    steps: input.steps,
    ctx: {
      run_id: input.runId,
      attempt: input.attempt,
      // With max_attempts the SDK itself marks the last attempt's error as final (StepFailed / no-retry).
      max_attempts: input.maxAttempts,
      disable_immediate_execution: input.disableImmediateExecution,
      use_api: false,
      stack: { stack: input.stack, current: input.stack.length },
      // Without `fn_id` the SDK never checkpoints: one request per step.
      ...(input.checkpoint ? { fn_id: input.checkpoint.fnId, qi_id: input.checkpoint.queueItemId } : {}),
    },
  };
}

/**
 * JSON with object keys sorted (RFC 8785 style). The SDK verifies signatures over the canonical form of the
 * body it parsed, so a signed body must already be canonical.
 */
export function canonicalJson(value: unknown): string {
  if (value && typeof value === "object" && "toJSON" in value && typeof value.toJSON === "function")
    return canonicalJson(value.toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  // Built by hand: a JS object would put integer-like keys first whatever order they were inserted in.
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined && typeof v !== "function")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The `X-Inngest-Signature` value for a body: HMAC-SHA256 of body + timestamp, keyed by the key sans prefix. */
export function signBody(body: string, signingKey: string, now = Date.now()): string {
  const ts = Math.round(now / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, "");
  return `t=${ts}&s=${createHmac("sha256", key)
    .update(body + ts)
    .digest("hex")}`;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

function asError(value: unknown, fallback: string): SerializedError {
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const message = typeof v.message === "string" ? v.message : typeof v.error === "string" ? v.error : fallback;
    return { ...v, name: typeof v.name === "string" ? v.name : "Error", message };
  }
  return { name: "Error", message: fallback };
}

export async function callFunction(
  input: CallInput,
  opts: { fetch: typeof fetch; signingKey?: string },
): Promise<CallResult> {
  const url = new URL(input.url);
  url.searchParams.set("stepId", input.stepId);
  const body = canonicalJson(buildCallBody(input));
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "x-inngest-server-kind": opts.signingKey ? "cloud" : "dev",
  };
  if (opts.signingKey) headers["x-inngest-signature"] = signBody(body, opts.signingKey);

  let response: Response;
  let text: string;
  try {
    response = await opts.fetch(url, { method: "POST", headers, body });
    text = await response.text();
  } catch (error) {
    const cause = error as Error;
    return {
      kind: "error",
      error: { name: cause.name, message: `Could not reach ${url.origin}: ${cause.message}` },
      noRetry: false,
    };
  }
  const versionHeader = Number(response.headers.get("x-inngest-req-version"));
  const version = Number.isInteger(versionHeader) && versionHeader > 0 ? versionHeader : undefined;
  const noRetry = response.headers.get("x-inngest-no-retry") === "true";
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const json = parseJson(text);

  if (response.status === 200 && json !== undefined) return { kind: "completed", output: json, version };
  if (response.status === 206 && json && typeof json === "object") {
    return { kind: "ops", ops: (Array.isArray(json) ? json : [json]) as OutgoingOp[], noRetry, retryAfterMs, version };
  }
  const fallback = `The app answered ${response.status}${json === undefined ? `: ${text.slice(0, 200)}` : ""}`;
  return { kind: "error", error: asError(json, fallback), noRetry, retryAfterMs, version };
}
