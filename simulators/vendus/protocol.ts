// The simulator's request/response shapes and the error conventions Vendus uses (see the vendor reference):
// field validation → 403 P001, business rules → 400 A001 with a Portuguese message, empty list → 404 A001.
// Every route module takes most of these helpers, so their import lists read alike; that is expected.
import type { SimState } from "./state";

export interface SimRequest {
  method: string;
  /** Path after /ws/v1.1, always with a trailing slash except for "*.pdf" ("/documents/", "/documents/7.pdf"). */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: { contentType: string; data: Uint8Array | string };
  /** Set when this request committed a new document (the "timeout after commit" fault hooks on it). */
  committedDocumentId?: number;
}

export type Handler = (state: SimState, req: SimRequest, params: string[]) => SimResponse;

export interface Route {
  method: "GET" | "POST" | "PATCH";
  pattern: RegExp;
  handler: Handler;
}

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toResponse(): SimResponse {
    return { status: this.status, body: { errors: [{ code: this.code, message: this.message }] } };
  }
}

export const fieldError = (message: string) => new SimError(403, "P001", message);
export const businessError = (message: string) => new SimError(400, "A001", message);
export const notFound = (message = "Not found") => new SimError(404, "A001", message);

export function ok(body: unknown, status = 200): SimResponse {
  return { status, body };
}

/** Pages a collection the Vendus way: `page`/`per_page` (default 20, at most 1000), counts in headers. */
export function paginate<T>(items: T[], query: URLSearchParams, toJson: (item: T) => unknown): SimResponse {
  const perPageRaw = Number.parseInt(query.get("per_page") ?? "", 10);
  const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 1000) : 20;
  const pageRaw = Number.parseInt(query.get("page") ?? "", 10);
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  const slice = items.slice((page - 1) * perPage, page * perPage);
  // Observed on the live API: an empty collection is a 404, not [].
  if (slice.length === 0) throw notFound("No data");
  return {
    status: 200,
    body: slice.map(toJson),
    headers: {
      "X-Paginator-Items": String(items.length),
      "X-Paginator-Pages": String(Math.ceil(items.length / perPage)),
    },
  };
}

/** Reads a numeric id from a path or body value; null when it is not a positive integer. */
export function asId(value: unknown): number | null {
  const id = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof id === "number" && Number.isInteger(id) && id > 0 ? id : null;
}

export function asText(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

export function bodyObject(body: unknown): Record<string, unknown> {
  if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  throw fieldError("O pedido tem de ser um objeto JSON.");
}

export function matchesText(haystack: string, needle: string | null): boolean {
  return needle === null || haystack.toLowerCase().includes(needle.toLowerCase());
}
