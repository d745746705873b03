// A local stand-in for the Cegid Vendus API v1.1 (plain node:http, state in memory). Behaviour follows the
// vendor reference and observed quirks; where the vendor is silent, simulators/README.md says which reading
// was chosen.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { closeServer, listen, queryObject, readBody, sendBytes, sendJson } from "../shared/http";
import { accountRoutes } from "./account";
import { clientRoutes } from "./clients";
import { createControl, handleControl, type ReceivedRequest, type VendusSimulatorControl } from "./control";
import { documentRoutes } from "./documents";
import {
  createFaults,
  createRateLimiter,
  rateLimitHeaders,
  spendCredit,
  takeFailure,
  takeLostResponse,
  takeRateLimitBurst,
} from "./faults";
import { productRoutes } from "./products";
import { SimError, type Route, type SimResponse } from "./protocol";
import type { Region } from "./reference-data";
import { saftRoutes } from "./saft";
import { createState } from "./state";

export interface VendusSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Accepted API keys; default ["sim-vendus-key"]. */
  apiKeys?: string[];
  /** The account's VAT region; default "PT" (mainland). */
  region?: Region;
  /** Credit budget: `limit` requests per `windowSeconds`; default 1000 per 60 s. */
  rateLimit?: { limit: number; windowSeconds?: number };
  /** The simulator's clock (document dates, "today"); default the real clock. */
  clock?: () => Date;
  host?: string;
}

export interface VendusSimulator {
  /** Base URL ending in "/ws/v1.1/", e.g. "http://127.0.0.1:4510/ws/v1.1/". */
  url: string;
  port: number;
  apiKeys: string[];
  control: VendusSimulatorControl;
  close(): Promise<void>;
}

export const DEFAULT_SIMULATOR_API_KEY = "sim-vendus-key";
const basePath = "/ws/v1.1";
const routes: Route[] = [...accountRoutes, ...documentRoutes, ...productRoutes, ...clientRoutes, ...saftRoutes];

function errorBody(code: string, message: string) {
  return { errors: [{ code, message }] };
}

function apiKeyOf(req: IncomingMessage, query: URLSearchParams): string | null {
  const header = req.headers.authorization ?? "";
  if (header.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    return decoded.slice(0, decoded.indexOf(":") >= 0 ? decoded.indexOf(":") : undefined);
  }
  return query.get("api_key");
}

function route(method: string, path: string): { route: Route; params: string[] } | "method" | null {
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method === method) return { route: candidate, params: match.slice(1) };
  }
  return pathMatched ? "method" : null;
}

export async function startVendusSimulator(options: VendusSimulatorOptions = {}): Promise<VendusSimulator> {
  const apiKeys = options.apiKeys ?? [DEFAULT_SIMULATOR_API_KEY];
  const makeState = () =>
    createState({ region: options.region ?? "PT", apiKeys, clock: options.clock ?? (() => new Date()) });
  let state = makeState();
  const faults = createFaults();
  const defaultRateLimit = {
    limit: options.rateLimit?.limit ?? 1000,
    windowSeconds: options.rateLimit?.windowSeconds ?? 60,
  };
  const limiter = { current: createRateLimiter(defaultRateLimit.limit, defaultRateLimit.windowSeconds, Date.now()) };
  const log: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const control = createControl({
    getState: () => state,
    resetState: () => (state = makeState()),
    faults,
    limiter,
    log,
    defaultRateLimit,
  });

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator");
    if (url.pathname.startsWith("/__control/")) return handleControl(control, req, res, url.pathname);
    const method = (req.method ?? "GET").toUpperCase();
    // Outside the API the host answers like a web server would: an HTML 404 with no Vendus error code.
    if (!url.pathname.startsWith(`${basePath}/`)) return sendBytes(res, 404, "<h1>Not Found</h1>", "text/html");
    let path = url.pathname.slice(basePath.length);
    if (!path.endsWith("/") && !path.endsWith(".pdf")) path += "/";

    const text = await readBody(req);
    const contentType = req.headers["content-type"] ?? null;
    let body: unknown = text || null;
    let isUnparsable = false;
    if (text && contentType?.includes("json")) {
      try {
        body = JSON.parse(text);
      } catch {
        isUnparsable = true;
      }
    }
    const entry: ReceivedRequest = {
      method,
      path,
      query: queryObject(url.searchParams),
      body,
      contentType,
      status: null,
    };
    log.push(entry);
    const answer = (response: SimResponse, headers: Record<string, string>) => {
      entry.status = response.status;
      const allHeaders = { ...headers, ...response.headers };
      if (response.raw) return sendBytes(res, response.status, response.raw.data, response.raw.contentType, allHeaders);
      return sendJson(res, response.status, response.body, allHeaders);
    };
    const fail = (status: number, code: string, message: string, headers: Record<string, string>) =>
      answer({ status, body: errorBody(code, message) }, headers);

    if (faults.latencyMs > 0) {
      await wait(faults.latencyMs);
      // The caller gave up meanwhile: do nothing it could not see (no credit spent, no document created).
      if (res.socket?.destroyed) return;
    }
    const burstReset = takeRateLimitBurst(faults);
    if (burstReset !== null) {
      return fail(429, "A001", "Too Many Requests", rateLimitHeaders(limiter.current.limit, 0, burstReset));
    }
    const failure = takeFailure(faults, method, path);
    if (failure) return fail(failure.status, "E500", "Internal Server Error (injected)", {});

    if (!state.apiKeys.has(apiKeyOf(req, url.searchParams) ?? "")) return fail(401, "A001", "Unauthorized", {});
    const credit = spendCredit(limiter.current, Date.now());
    if (credit.isOver) return fail(429, "A001", "Too Many Requests", credit.headers);
    if ((method === "POST" || method === "PATCH") && !contentType?.startsWith("application/json")) {
      return fail(415, "A001", "Unsupported Media Type", credit.headers);
    }
    if (isUnparsable) return fail(400, "A001", "Could not parse request", credit.headers);

    const matched = route(method, path);
    if (matched === null) return fail(404, "A001", "Not found", credit.headers);
    if (matched === "method") return fail(405, "A001", "Method Not Allowed", credit.headers);
    let response: SimResponse;
    try {
      response = matched.route.handler(state, { method, path, query: url.searchParams, body }, matched.params);
    } catch (error) {
      if (!(error instanceof SimError)) throw error;
      response = error.toResponse();
    }

    const lost = response.committedDocumentId !== undefined ? takeLostResponse(faults) : null;
    if (lost?.kind === "destroy") {
      // The lost-response case: the document exists, the caller never hears about it.
      res.socket?.destroy();
      return;
    }
    if (lost?.kind === "delay") await wait(lost.delayMs);
    if (res.socket?.destroyed) return;
    return answer(response, credit.headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      sendJson(res, 500, errorBody("E500", error instanceof Error ? error.message : "Internal Server Error"));
    });
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host}:${port}${basePath}/`,
    port,
    apiKeys,
    control,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await closeServer(server);
    },
  };
}
