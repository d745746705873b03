// One error type for every call to an outside service (Vendus, Jumpseller, Resend), classified so that the
// pipeline can decide: stop with a message the merchant can act on, or retry (and when).

export const serviceErrorKinds = ["auth", "validation", "not_found", "rate_limited", "transient", "conflict"] as const;
export type ServiceErrorKind = (typeof serviceErrorKinds)[number];

export type ServiceName = "vendus" | "jumpseller" | "resend" | "vies";

export class ServiceError extends Error {
  readonly service: ServiceName;
  readonly kind: ServiceErrorKind;
  /** The service's own error code (Vendus "P001", "A001"…), when it gave one. */
  readonly code?: string;
  readonly status?: number;
  /** For rate_limited: the earliest moment a retry may succeed. */
  readonly retryAt?: Date;

  constructor(opts: {
    service: ServiceName;
    kind: ServiceErrorKind;
    message: string;
    code?: string;
    status?: number;
    retryAt?: Date;
    cause?: unknown;
  }) {
    super(opts.message, { cause: opts.cause });
    this.name = "ServiceError";
    this.service = opts.service;
    this.kind = opts.kind;
    this.code = opts.code;
    this.status = opts.status;
    this.retryAt = opts.retryAt;
  }

  /** Transient and rate-limited failures may succeed later; the rest need a person. */
  get isRetriable(): boolean {
    return this.kind === "transient" || this.kind === "rate_limited";
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
