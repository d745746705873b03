// Errors the pipeline can meet, sorted into "a person must act" (stop now, with a message saying what to
// do) and "try again" (now-ish, or at a time the service gave).
import { isServiceError } from "@/lib/errors";
import { describeServiceFailure, serviceFailure } from "@/lib/service-errors";
import type { ErrorKind } from "@/lib/generated/prisma/enums";
import type { JobErrorParams } from "@/lib/jobs/error-codes";

/**
 * The data cannot become a document as it is (an engine refusal, a missing setting). Never retried. The code
 * and params say it in any language (messages `jobErrors`); the English message is the technical detail.
 */
export class DataProblem extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly params: JobErrorParams;

  constructor(code: string, message: string, kind: ErrorKind = "refused", params: JobErrorParams = {}) {
    super(message);
    this.name = "DataProblem";
    this.code = code;
    this.kind = kind;
    this.params = params;
  }
}

/**
 * The engine's refusal of a document: the first problem's code and values (and how many more there are),
 * with every problem's English text as the detail.
 */
export function refusal(problems: { code: string; message: string; params: JobErrorParams }[]): DataProblem {
  const [first, ...others] = problems;
  const params = others.length > 0 ? { ...first!.params, more: others.length } : first!.params;
  return new DataProblem(first!.code, problems.map((p) => p.message).join(" "), "refused", params);
}

export type Retry = { mode: "never" } | { mode: "backoff" } | { mode: "at"; at: Date };

export interface ClassifiedError {
  kind: ErrorKind;
  /** A stable code of lib/jobs/error-codes.ts, shown in the reader's language; the message is the detail. */
  code: string;
  params: JobErrorParams;
  message: string;
  retry: Retry;
}

export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof DataProblem) {
    return {
      kind: error.kind,
      code: error.code,
      params: error.params,
      message: error.message,
      retry: { mode: "never" },
    };
  }
  if (isServiceError(error)) {
    // The service failure's code (vendus_unavailable, vendus_error…); the service's own code and status stay
    // with the detail, for whoever asks Vendus or Jumpseller about it.
    const failure = serviceFailure(error);
    const params: JobErrorParams = { detail: failure.detail.slice(0, 500) };
    if (error.code) params.serviceCode = error.code;
    if (error.status) params.status = error.status;
    const base = { code: failure.code, params };
    if (error.kind === "rate_limited") {
      return {
        ...base,
        kind: "rate_limited",
        message: error.message,
        retry: error.retryAt ? { mode: "at", at: error.retryAt } : { mode: "backoff" },
      };
    }
    if (error.kind === "transient")
      return { ...base, kind: "transient", message: error.message, retry: { mode: "backoff" } };
    // Refused credentials or a refused request: said as the dashboard says it (lib/service-errors.ts).
    return { ...base, kind: error.kind, message: describeServiceFailure(failure), retry: { mode: "never" } };
  }
  // Anything else (a database blip, a bug) is retried: if it persists, the retries run out and the job
  // fails with this message.
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "internal", code: "internal", params: {}, message, retry: { mode: "backoff" } };
}
