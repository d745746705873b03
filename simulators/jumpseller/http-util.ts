// Minimal node:http plumbing for the Jumpseller simulator (listening, closing and bodies: ../shared/http).
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SimResponse {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON (HTML pages). */
  html?: string;
  headers?: Record<string, string>;
}

export interface RouteContext {
  params: string[];
  query: URLSearchParams;
  body: unknown;
  rawBody: string;
  req: IncomingMessage;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handle: (ctx: RouteContext) => SimResponse | Promise<SimResponse>;
}

/** JSON bodies as objects, form bodies as plain objects, anything else as undefined. */
export function parseBody(req: IncomingMessage, raw: string): unknown {
  if (!raw) return undefined;
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function send(res: ServerResponse, response: SimResponse) {
  if (res.headersSent || res.destroyed) return;
  const text = response.html ?? (response.body === undefined ? "" : JSON.stringify(response.body));
  const contentType = response.html !== undefined ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
  res.writeHead(response.status, {
    ...(text ? { "Content-Type": contentType } : {}),
    "Content-Length": String(Buffer.byteLength(text)),
    ...response.headers,
  });
  res.end(text);
}

export function matchRoute<R extends Route>(routes: R[], method: string, path: string) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1) };
  }
  return undefined;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({
  status,
  body,
  headers,
});

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Page and limit as Jumpseller reads them: page from 1, limit default 50 and at most 100. */
export function paginate<T>(items: T[], query: URLSearchParams): T[] {
  const page = Math.max(1, Number.parseInt(query.get("page") ?? "1", 10) || 1);
  const limit = Math.min(100, Math.max(1, Number.parseInt(query.get("limit") ?? "50", 10) || 50));
  return items.slice((page - 1) * limit, page * limit);
}
