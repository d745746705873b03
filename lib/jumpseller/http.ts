// One HTTP call to the Jumpseller API: auth header, timeout, error classification, one retry for reads.
import { z } from "zod";
import { ServiceError, isServiceError } from "@/lib/errors";
import { networkError, toServiceError } from "./http-errors";

export type JumpsellerAuth =
  { kind: "private"; login: string; authtoken: string } | { kind: "oauth"; getAccessToken: () => Promise<string> };

export interface TransportOptions {
  auth: JumpsellerAuth;
  baseUrl: string;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Pause before the single retry of a failed read. */
  retryDelayMs: number;
  now: () => Date;
}

export interface JumpsellerRequest<T> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Validates the parsed JSON; omit for endpoints whose answer is ignored. */
  schema?: z.ZodType<T>;
  /** Short description for error messages ("GET /orders/12.json"). */
  what?: string;
}

async function authorization(auth: JumpsellerAuth): Promise<string> {
  if (auth.kind === "private") {
    return `Basic ${Buffer.from(`${auth.login}:${auth.authtoken}`, "utf8").toString("base64")}`;
  }
  return `Bearer ${await auth.getAccessToken()}`;
}

function buildUrl(baseUrl: string, path: string, query?: JumpsellerRequest<unknown>["query"]): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function send<T>(opts: TransportOptions, req: JumpsellerRequest<T>, what: string): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    Authorization: await authorization(opts.auth),
  };
  if (req.body !== undefined) headers["Content-Type"] = "application/json";

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  let status: number;
  let responseHeaders: Headers;
  let bodyText: string;
  try {
    const response = await opts.fetch(buildUrl(opts.baseUrl, req.path, req.query), {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller.signal,
    });
    status = response.status;
    responseHeaders = response.headers;
    // The timeout also covers reading the body.
    bodyText = await response.text();
  } catch (error) {
    throw networkError(what, error, timedOut ? opts.timeoutMs : undefined);
  } finally {
    clearTimeout(timer);
  }

  if (status < 200 || status >= 300) {
    throw toServiceError({ status, headers: responseHeaders, bodyText, what, now: opts.now() });
  }
  if (!req.schema) return undefined as T;
  let json: unknown;
  try {
    json = bodyText.trim() ? JSON.parse(bodyText) : null;
  } catch (error) {
    // A 2xx that is not JSON comes from something in between (a proxy page), not from Jumpseller's logic.
    throw new ServiceError({
      service: "jumpseller",
      kind: "transient",
      status,
      message: `Jumpseller ${what} answered with invalid JSON`,
      cause: error,
    });
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) {
    throw new ServiceError({
      service: "jumpseller",
      kind: "validation",
      code: "unexpected_response",
      status,
      message: `Jumpseller ${what} answered in an unexpected shape: ${z.prettifyError(parsed.error)}`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * Reads are retried once on a transient failure. Writes are never retried here: a timed-out POST may have
 * been applied, so the caller must check (e.g. list the order's documents) before sending it again.
 */
export function createTransport(opts: TransportOptions) {
  return async function request<T>(req: JumpsellerRequest<T>): Promise<T> {
    const what = req.what ?? `${req.method} ${req.path}`;
    try {
      return await send(opts, req, what);
    } catch (error) {
      if (req.method !== "GET" || !isServiceError(error) || error.kind !== "transient") throw error;
      if (opts.retryDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, opts.retryDelayMs));
      return await send(opts, req, what);
    }
  };
}
export type JumpsellerTransport = ReturnType<typeof createTransport>;
