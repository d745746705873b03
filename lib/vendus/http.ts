// One HTTP exchange with Vendus: Basic auth (key as user, empty password), JSON bodies, a timeout on every
// call, the rate-limit headers remembered, failures classified. GETs are retried on transient failures;
// anything that creates or changes data never is (after a lost answer the pipeline looks the document up).
import type { z } from "zod";
import { isServiceError } from "@/lib/errors";
import { classifyVendusFailure, parseErrorBody, unansweredCall, unreadableAnswer } from "./errors";
import { readRateLimit, type VendusRateLimit } from "./rate-limit";

export type Query = Record<string, string | number | undefined | null>;

export interface TransportOptions {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Extra attempts for GETs that fail transiently. */
  getRetries: number;
  /** Pause before retry n is n × this. */
  retryDelayMs: number;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

export interface Transport {
  /** Sends one request; resolves with a 2xx answer, throws ServiceError otherwise. */
  send(method: "GET" | "POST" | "PATCH", path: string, options?: { query?: Query; body?: unknown }): Promise<RawAnswer>;
  /** GETs one page of a collection; null when Vendus says it is empty (404 A001). */
  sendList(path: string, query: Query): Promise<RawAnswer | null>;
  json<S extends z.ZodType>(answer: RawAnswer, schema: S, method: string, path: string): z.output<S>;
  lastRateLimit(): VendusRateLimit | null;
}

const decoder = new TextDecoder();

export function createTransport(options: TransportOptions): Transport {
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const authorization = `Basic ${btoa(`${options.apiKey}:`)}`;
  let rateLimit: VendusRateLimit | null = null;

  function urlFor(path: string, query: Query = {}): string {
    const url = new URL(path.replace(/^\//, ""), base);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  async function attempt(method: string, path: string, query: Query | undefined, body: unknown, isList: boolean) {
    let response: Response;
    let bytes: Uint8Array;
    try {
      response = await options.fetch(urlFor(path, query), {
        method,
        headers: {
          Authorization: authorization,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Covers the body too: a response that starts and then stalls still times out.
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      throw unansweredCall(method, path, cause, options.timeoutMs);
    }
    rateLimit = readRateLimit(response.headers) ?? rateLimit;
    if (response.ok) return { status: response.status, headers: response.headers, bytes };
    const messages = parseErrorBody(decoder.decode(bytes));
    // Observed: an empty collection answers 404 A001 "No data". Only a list call with that Vendus code counts
    // as empty; any other 404 (a wrong base URL, a proxy page) is an error, never "no results".
    if (isList && response.status === 404 && messages.some((m) => m.code === "A001")) return null;
    throw classifyVendusFailure({ method, path, status: response.status, headers: response.headers, messages });
  }

  async function request(method: string, path: string, query: Query | undefined, body: unknown, isList: boolean) {
    const attempts = method === "GET" ? 1 + options.getRetries : 1;
    for (let n = 1; ; n += 1) {
      try {
        return await attempt(method, path, query, body, isList);
      } catch (error) {
        if (n >= attempts || !isServiceError(error) || error.kind !== "transient") throw error;
        if (options.retryDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs * n));
      }
    }
  }

  return {
    send: async (method, path, { query, body } = {}) => (await request(method, path, query, body, false))!,
    sendList: (path, query) => request("GET", path, query, undefined, true),
    json(answer, schema, method, path) {
      let data: unknown;
      try {
        data = JSON.parse(decoder.decode(answer.bytes));
      } catch {
        throw unreadableAnswer(method, path, answer.status, "not JSON");
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw unreadableAnswer(
          method,
          path,
          answer.status,
          `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`,
        );
      }
      return parsed.data;
    },
    lastRateLimit: () => rateLimit,
  };
}
