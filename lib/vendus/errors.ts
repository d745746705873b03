// Vendus failures as ServiceErrors. The classification decides what the pipeline does next: `validation`
// and `auth` need a person, `transient` and `rate_limited` are retried, `conflict` means "already done".
import { ServiceError } from "@/lib/errors";
import { readRateLimit } from "./rate-limit";

export interface VendusApiMessage {
  code?: string;
  message: string;
}

/** Reads `{"errors":[{code,message}]}` (or a bare `{message}`/`{error}`); [] when the body says nothing. */
export function parseErrorBody(text: string): VendusApiMessage[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  if (!body || typeof body !== "object") return [];
  const record = body as Record<string, unknown>;
  const entries = Array.isArray(record.errors) ? record.errors : [record];
  return entries.flatMap((entry): VendusApiMessage[] => {
    if (!entry || typeof entry !== "object") return typeof entry === "string" ? [{ message: entry }] : [];
    const { code, message, error } = entry as Record<string, unknown>;
    const textMessage = typeof message === "string" ? message : typeof error === "string" ? error : null;
    if (!textMessage) return [];
    return [
      { ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}), message: textMessage },
    ];
  });
}

export interface FailedCall {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  messages: VendusApiMessage[];
  now?: Date;
}

// Vendus does not document how it refuses a repeated tx_id; if it does, the message names tx_id.
const isTxIdRepeat = (message: string) =>
  /tx_?id/i.test(message) && /(já|exist|duplic|utiliz|usad|repet|already|used)/i.test(message);
const fallbackRetrySeconds = 60;

/** Maps an HTTP failure to a ServiceError(service "vendus") with the Vendus code and every message. */
export function classifyVendusFailure({
  method,
  path,
  status,
  headers,
  messages,
  now = new Date(),
}: FailedCall): ServiceError {
  const codes = messages.map((m) => m.code).filter((c): c is string => Boolean(c));
  const code = codes[0];
  // Vendus's own words (Portuguese) are what the merchant can act on; the call is named only without them.
  const message = messages.map((m) => m.message).join("; ") || `Vendus answered HTTP ${status} to ${method} ${path}`;
  const base = { service: "vendus" as const, status, code, message };

  if (status === 429) {
    const limit = readRateLimit(headers, now);
    const retryAfter = Number(headers.get("retry-after"));
    const seconds =
      limit?.resetSeconds ?? (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : fallbackRetrySeconds);
    return new ServiceError({ ...base, kind: "rate_limited", retryAt: new Date(now.getTime() + seconds * 1000) });
  }
  if (status === 401) return new ServiceError({ ...base, kind: "auth" });
  // Observed: field validation is a 403 with P001; a 403 without a Vendus code is a permission problem.
  if (status === 403)
    return new ServiceError({ ...base, kind: code === "P001" || code === "A001" ? "validation" : "auth" });
  if (status === 409 || (status >= 400 && status < 500 && messages.some((m) => isTxIdRepeat(m.message)))) {
    return new ServiceError({ ...base, kind: "conflict" });
  }
  if (status === 404) return new ServiceError({ ...base, kind: "not_found" });
  if (status >= 400 && status < 500) return new ServiceError({ ...base, kind: "validation" });
  return new ServiceError({ ...base, kind: "transient" });
}

/** A call that got no usable answer. For a POST the outcome is unknown: look the document up before retrying. */
export function unansweredCall(method: string, path: string, cause: unknown, timeoutMs: number): ServiceError {
  const isTimeout = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
  const what = isTimeout
    ? `no answer within ${timeoutMs} ms`
    : `network error (${cause instanceof Error ? cause.message : String(cause)})`;
  const outcome = method === "GET" ? "" : "; the request may have been processed";
  return new ServiceError({
    service: "vendus",
    kind: "transient",
    code: isTimeout ? "TIMEOUT" : "NETWORK",
    message: `Vendus ${method} ${path}: ${what}${outcome}`,
    cause,
  });
}

/** A 2xx answer Ponte cannot read. Treated as transient: for a POST the document may exist. */
export function unreadableAnswer(method: string, path: string, status: number, detail: string): ServiceError {
  return new ServiceError({
    service: "vendus",
    kind: "transient",
    code: "BAD_RESPONSE",
    status,
    message: `Vendus ${method} ${path}: unexpected answer (${detail})`,
  });
}

/**
 * Vendus refused to create or rename an article because another one already has the reference ("Já existe um
 * artigo com a referência X."). Not a data problem of the merchant's: an invoice line with an unknown reference
 * makes Vendus create the article, so the article can appear between a lookup and a create.
 */
export function isReferenceTaken(error: unknown): boolean {
  if (!(error instanceof ServiceError) || error.service !== "vendus" || error.kind !== "validation") return false;
  return /(já existe|already exists)/i.test(error.message) && /(artigo|produto|product|article)/i.test(error.message);
}
