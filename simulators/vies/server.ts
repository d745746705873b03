// A local stand-in for the European Commission's VIES REST service (POST /check-vat-number), which cannot be
// reached from these machines. It follows the public API's shape: a JSON body { countryCode, vatNumber } and
// an answer { countryCode, vatNumber, requestDate, valid, requestIdentifier, name, address }; an error is
// { actionSucceed: false, errorWrappers: [{ error, message }] }, sometimes with HTTP 200 (observed), so a
// client must read the body, not only the status. Numbers are valid when registered; faults can be queued.
import { createServer, type Server } from "node:http";
import { closeServer, listen, readBody, sendJson } from "../shared/http";

export type ViesErrorCode =
  | "INVALID_INPUT"
  | "SERVICE_UNAVAILABLE"
  | "MS_UNAVAILABLE"
  | "TIMEOUT"
  | "MS_MAX_CONCURRENT_REQ"
  | "GLOBAL_MAX_CONCURRENT_REQ";

export interface ViesSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Registered numbers, prefix included ("DE129273398"), with the trader's name and address. */
  registered?: Record<string, { name: string; address: string }>;
  clock?: () => Date;
}

export interface ViesSimulator {
  /** Base URL, e.g. "http://127.0.0.1:4567/taxation_customs/vies/rest-api". */
  url: string;
  register(vatNumber: string, trader: { name: string; address: string }): void;
  /** The next `times` requests answer with this error. */
  failNext(error: ViesErrorCode, times?: number): void;
  /** Every request received, in order. */
  requests: { countryCode: string; vatNumber: string }[];
  close(): Promise<void>;
}

const PATH = "/taxation_customs/vies/rest-api";

export async function startViesSimulator(options: ViesSimulatorOptions = {}): Promise<ViesSimulator> {
  const registered = new Map(Object.entries(options.registered ?? {}));
  const faults: ViesErrorCode[] = [];
  const requests: ViesSimulator["requests"] = [];
  const clock = options.clock ?? (() => new Date());
  let sequence = 0;

  const server: Server = createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== `${PATH}/check-vat-number`) {
      return sendJson(res, 404, { actionSucceed: false, errorWrappers: [{ error: "NOT_FOUND" }] });
    }
    let body: { countryCode?: unknown; vatNumber?: unknown };
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      return sendJson(res, 400, error("INVALID_INPUT", "The request body is not JSON."));
    }
    const countryCode = typeof body.countryCode === "string" ? body.countryCode : "";
    const vatNumber = typeof body.vatNumber === "string" ? body.vatNumber : "";
    requests.push({ countryCode, vatNumber });
    const fault = faults.shift();
    // Unavailability comes back with HTTP 200 and actionSucceed: false, as the live service does.
    if (fault) return sendJson(res, fault === "INVALID_INPUT" ? 400 : 200, error(fault, `Simulated ${fault}`));
    if (!/^[A-Z]{2}$/.test(countryCode) || !/^[0-9A-Z+*.]{2,12}$/.test(vatNumber)) {
      return sendJson(res, 400, error("INVALID_INPUT", "countryCode or vatNumber is malformed."));
    }
    const trader = registered.get(countryCode + vatNumber);
    sequence += 1;
    return sendJson(res, 200, {
      countryCode,
      vatNumber,
      requestDate: clock().toISOString(),
      valid: Boolean(trader),
      requestIdentifier: trader ? `WAPIAAAA${String(sequence).padStart(8, "0")}` : "",
      name: trader?.name ?? "---",
      address: trader?.address ?? "---",
    });
  });
  const port = await listen(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    register: (vatNumber, trader) => void registered.set(vatNumber, trader),
    failNext: (code, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(code);
    },
    requests,
    close: () => closeServer(server),
  };
}

function error(code: ViesErrorCode, message: string) {
  return { actionSucceed: false, errorWrappers: [{ error: code, message }] };
}
