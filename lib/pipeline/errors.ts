// Errors the pipeline can meet, sorted into "a person must act" (stop now, with a message saying what to
// do) and "try again" (now-ish, or at a time the service gave).
import { isServiceError } from "@/lib/errors";
import type { ErrorKind } from "@/lib/generated/prisma/enums";

/** The data cannot become a document as it is (an engine refusal, a missing setting). Never retried. */
export class DataProblem extends Error {
  readonly code: string;
  readonly kind: ErrorKind;

  constructor(code: string, message: string, kind: ErrorKind = "refused") {
    super(message);
    this.name = "DataProblem";
    this.code = code;
    this.kind = kind;
  }
}

export type Retry = { mode: "never" } | { mode: "backoff" } | { mode: "at"; at: Date };

export interface ClassifiedError {
  kind: ErrorKind;
  code: string | null;
  message: string;
  retry: Retry;
}

export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof DataProblem) {
    return { kind: error.kind, code: error.code, message: error.message, retry: { mode: "never" } };
  }
  if (isServiceError(error)) {
    const code = error.code ?? (error.status ? `HTTP ${error.status}` : null);
    if (error.kind === "rate_limited") {
      return { kind: "rate_limited", code, message: error.message, retry: error.retryAt ? { mode: "at", at: error.retryAt } : { mode: "backoff" } };
    }
    if (error.kind === "transient") return { kind: "transient", code, message: error.message, retry: { mode: "backoff" } };
    return { kind: error.kind, code, message: withAdvice(error.kind, error.service, error.message), retry: { mode: "never" } };
  }
  // Anything else (a database blip, a bug) is retried: if it persists, the retries run out and the job
  // fails with this message.
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "internal", code: null, message, retry: { mode: "backoff" } };
}

function withAdvice(kind: ErrorKind, service: string, message: string): string {
  if (kind === "auth") {
    return service === "vendus"
      ? `${message}. Check the store's Vendus API key in Ponte.`
      : `${message}. Connect the Jumpseller store again (its access was refused).`;
  }
  return message;
}
