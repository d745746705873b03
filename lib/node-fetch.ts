// The fetch the pipeline's Vendus and Jumpseller clients call through: node:http(s) with kept-alive
// connections. Node's global fetch costs several times the CPU of the exchange itself (web streams, a cloned
// request, abort plumbing), and a job run makes four calls. It does what these clients ask of fetch: a method,
// headers, a string body, an abort signal (its reason is the rejection, as with fetch), and an answer read
// whole. A failure to connect or a lost socket rejects as fetch does ("fetch failed", the cause attached).
// Redirects are not followed and no compressed answer is asked for: these APIs answer JSON directly.
import http from "node:http";
import https from "node:https";

// An idle connection is closed after 4 s, before a server's own keep-alive timeout ends it (Node's default is
// 5 s): a request sent on a connection the server is closing fails without reaching it, and a POST failing so
// would have to be looked up before it is sent again. Undici (the global fetch) keeps the same 4 s.
const idleMs = 4_000;
const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: idleMs }),
  "https:": new https.Agent({ keepAlive: true, timeout: idleMs }),
};

// An answer with one of these statuses has no body (the Response constructor refuses one).
const noBody = new Set([101, 204, 205, 304]);

function headersOf(init: RequestInit["headers"]): Record<string, string> {
  return Object.fromEntries(new Headers(init).entries());
}

function bodyOf(body: RequestInit["body"]): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  throw new TypeError("nodeFetch sends a string or bytes as the body");
}

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

export const nodeFetch: typeof fetch = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : input);
  const signal = init.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
    const transport = url.protocol === "https:" ? https : http;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const fail = (error: unknown) => finish(() => reject(new TypeError("fetch failed", { cause: error })));
    const request = transport.request(
      url,
      { method: init.method ?? "GET", headers: headersOf(init.headers), agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", fail);
        response.on("aborted", () => fail(new Error("The answer was cut off")));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          const body = noBody.has(status) ? null : Buffer.concat(chunks);
          const headers = responseHeaders(response.headers);
          finish(() => resolve(new Response(body, { status, statusText: response.statusMessage, headers })));
        });
      },
    );
    function onAbort() {
      finish(() => reject(signal!.reason));
      request.destroy();
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", fail);
    request.end(bodyOf(init.body));
  });
};
