// Small helpers shared by the local simulators: plain node:http, no framework, so that a simulator starts in
// a few milliseconds inside a test and behaves the same when run on its own.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Reads a request body as text; refuses bodies above `limitBytes` (a simulator has no use for them). */
export async function readBody(req: IncomingMessage, limitBytes = 2_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limitBytes) throw new Error(`Request body larger than ${limitBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(text ? { "Content-Type": "application/json; charset=utf-8" } : {}),
    "Content-Length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function sendBytes(
  res: ServerResponse,
  status: number,
  data: Uint8Array | string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  const buffer = typeof data === "string" ? Buffer.from(data) : Buffer.from(data);
  res.writeHead(status, { ...headers, "Content-Type": contentType, "Content-Length": String(buffer.length) });
  res.end(buffer);
}

/** Listens on 127.0.0.1 (port 0 = a free port) and resolves with the port actually bound. */
export function listen(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes the server and every open connection, including responses a fault is holding back. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** The query string as a plain object (last value wins), for request logs. */
export function queryObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
