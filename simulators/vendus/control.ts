// The test/demo control surface: an object for in-process tests and the same operations over HTTP under
// /__control/ (no API key) for the demo and for tests that drive the simulator from another process.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "../shared/http";
import { createFaults, createRateLimiter, type Faults, type RateLimiter } from "./faults";
import { productJson } from "./products";
import { SimError } from "./protocol";
import { seedState, type SeedInput, type SeedResult } from "./seed";
import { detailJson } from "./serialize";
import type { SimClient, SimState } from "./state";

export interface ReceivedRequest {
  method: string;
  /** Path after /ws/v1.1 ("/documents/"). */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON, or null. */
  body: unknown;
  contentType: string | null;
  /** The status answered; null while pending or when the connection was dropped on purpose. */
  status: number | null;
}

export type SimDocumentView = ReturnType<typeof detailJson> & { tx_id: string };

export interface VendusSimulatorControl {
  /** Every API request received (control calls excluded), oldest first; optionally filtered. */
  requests(filter?: { method?: string; pathPrefix?: string }): ReceivedRequest[];
  clearRequests(): void;
  /** Every stored document (both modes), as GET /documents/{id}/ shows it, plus its tx_id. */
  documents(): SimDocumentView[];
  products(): ReturnType<typeof productJson>[];
  clients(): SimClient[];
  seed(input: SeedInput): SeedResult;
  /** Back to the initial account: no documents, products, clients, faults or logged requests. */
  reset(): void;
  setLatency(ms: number): void;
  /** The next `count` (default 1) requests matching method/path prefix answer `status` (default 500). */
  failNext(options?: { count?: number; status?: number; method?: string; pathPrefix?: string }): void;
  /** The next document POST is committed, then its answer is lost (socket destroyed, or held `delayMs`). */
  loseNextDocumentResponse(options?: { kind?: "destroy" | "delay"; delayMs?: number; count?: number }): void;
  /** The next `count` requests answer 429 with Rate-Limit-Reset: resetSeconds. */
  rateLimitBurst(options: { resetSeconds: number; count?: number }): void;
  /** The credit budget: `limit` requests per `windowSeconds` (default 60). */
  setRateLimit(options: { limit: number; windowSeconds?: number }): void;
  clearFaults(): void;
  /**
   * Changes the account as its owner would in Vendus: close or reopen a register, switch it to training
   * (tests) mode, turn a payment method off, stop offering a document type. Undone by reset().
   */
  configureAccount(options: AccountOptions): void;
}

export interface AccountOptions {
  registers?: { id: number; status?: "on" | "off"; mode?: "normal" | "tests" }[];
  paymentMethods?: { id: number; status: "on" | "off" }[];
  disabledDocumentTypes?: string[];
}

export interface ControlDeps {
  getState(): SimState;
  resetState(): void;
  faults: Faults;
  limiter: { current: RateLimiter };
  log: ReceivedRequest[];
  defaultRateLimit: { limit: number; windowSeconds: number };
}

export function createControl(deps: ControlDeps): VendusSimulatorControl {
  const { faults, log } = deps;
  const clearFaults = () => Object.assign(faults, createFaults());
  const setRateLimit = ({ limit, windowSeconds = 60 }: { limit: number; windowSeconds?: number }) => {
    deps.limiter.current = createRateLimiter(limit, windowSeconds, Date.now());
  };
  return {
    requests: (filter = {}) =>
      log.filter(
        (r) =>
          (!filter.method || r.method === filter.method.toUpperCase()) &&
          (!filter.pathPrefix || r.path.startsWith(filter.pathPrefix)),
      ),
    clearRequests: () => void log.splice(0),
    documents: () => {
      const state = deps.getState();
      return state.documents.map((doc) => ({ ...detailJson(state, doc), tx_id: doc.txId }));
    },
    products: () => deps.getState().products.map(productJson),
    clients: () => deps.getState().clients.map((c) => ({ ...c })),
    seed: (input) => seedState(deps.getState(), input),
    reset: () => {
      deps.resetState();
      clearFaults();
      log.splice(0);
      setRateLimit(deps.defaultRateLimit);
    },
    setLatency: (ms) => void (faults.latencyMs = Math.max(0, ms)),
    failNext: ({ count = 1, status = 500, method, pathPrefix } = {}) =>
      void faults.failures.push({ remaining: count, status, method, pathPrefix }),
    loseNextDocumentResponse: ({ kind = "destroy", delayMs = 60_000, count = 1 } = {}) =>
      void (faults.lostResponse = { remaining: count, kind, delayMs }),
    rateLimitBurst: ({ resetSeconds, count = 1 }) => void (faults.rateLimitBurst = { remaining: count, resetSeconds }),
    setRateLimit,
    clearFaults,
    configureAccount: (options) => configureAccount(deps.getState(), options),
  };
}

function configureAccount(state: SimState, options: AccountOptions) {
  for (const change of options.registers ?? []) {
    const register = state.registers.find((r) => r.id === change.id);
    if (!register) throw new SimError(404, "A001", `No register ${change.id}`);
    Object.assign(register, { status: change.status ?? register.status, mode: change.mode ?? register.mode });
  }
  for (const change of options.paymentMethods ?? []) {
    const method = state.paymentMethods.find((m) => m.id === change.id);
    if (!method) throw new SimError(404, "A001", `No payment method ${change.id}`);
    method.status = change.status;
  }
  if (options.disabledDocumentTypes) state.disabledDocumentTypes = new Set(options.disabledDocumentTypes);
}

/**
 * /__control/… over HTTP. GET requests|documents|products|clients; POST seed|reset|faults|account;
 * DELETE faults|requests.
 */
export async function handleControl(
  control: VendusSimulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
) {
  try {
    const text = req.method === "POST" ? await readBody(req) : "";
    const body: unknown = text ? JSON.parse(text) : {};
    const route = `${req.method} ${path.replace(/\/$/, "")}`;
    switch (route) {
      case "GET /__control/requests":
        return sendJson(res, 200, control.requests());
      case "DELETE /__control/requests":
        control.clearRequests();
        return sendJson(res, 204, undefined);
      case "GET /__control/documents":
        return sendJson(res, 200, control.documents());
      case "GET /__control/products":
        return sendJson(res, 200, control.products());
      case "GET /__control/clients":
        return sendJson(res, 200, control.clients());
      case "POST /__control/seed":
        return sendJson(res, 200, control.seed(body as SeedInput));
      case "POST /__control/reset":
        control.reset();
        return sendJson(res, 204, undefined);
      case "POST /__control/faults":
        applyFaults(control, body as FaultOptions);
        return sendJson(res, 204, undefined);
      case "POST /__control/account":
        control.configureAccount(body as AccountOptions);
        return sendJson(res, 204, undefined);
      case "DELETE /__control/faults":
        control.clearFaults();
        return sendJson(res, 204, undefined);
      default:
        return sendJson(res, 404, { error: `Unknown control route ${route}` });
    }
  } catch (error) {
    const message = error instanceof SimError || error instanceof Error ? error.message : String(error);
    return sendJson(res, 400, { error: message });
  }
}

/** The body of POST /__control/faults: the same options as the control object's methods. */
export interface FaultOptions {
  latencyMs?: number;
  fail?: Parameters<VendusSimulatorControl["failNext"]>[0];
  loseNextDocumentResponse?: Parameters<VendusSimulatorControl["loseNextDocumentResponse"]>[0];
  rateLimitBurst?: Parameters<VendusSimulatorControl["rateLimitBurst"]>[0];
  rateLimit?: Parameters<VendusSimulatorControl["setRateLimit"]>[0];
}

function applyFaults(control: VendusSimulatorControl, options: FaultOptions) {
  if (options.latencyMs !== undefined) control.setLatency(options.latencyMs);
  if (options.fail) control.failNext(options.fail);
  if (options.loseNextDocumentResponse) control.loseNextDocumentResponse(options.loseNextDocumentResponse);
  if (options.rateLimitBurst) control.rateLimitBurst(options.rateLimitBurst);
  if (options.rateLimit) control.setRateLimit(options.rateLimit);
}
