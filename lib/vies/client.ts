// The European Commission's VIES service, asked whether an EU VAT number is registered (REST API,
// POST {base}/check-vat-number). An unavailable member-state database is common: it is a transient error
// (the order waits and is retried), never an answer. The answer's consultation number (requestIdentifier) is
// the evidence that the check was made.
import { ServiceError } from "@/lib/errors";
import type { ViesAnswer } from "@/lib/invoicing";

export interface ViesClient {
  /** `vatNumber` with its prefix: "DE129273398", "EL094259216", "XI980780684". */
  check(vatNumber: string): Promise<ViesAnswer>;
}

export interface ViesClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

// Errors that describe the request; every other VIES error (MS_UNAVAILABLE, SERVICE_UNAVAILABLE, TIMEOUT,
// *_MAX_CONCURRENT_REQ…) says "not now".
const REQUEST_ERRORS = new Set(["INVALID_INPUT", "INVALID_REQUESTER_INFO", "VAT_BLOCKED"]);

interface ViesBody {
  actionSucceed?: boolean;
  errorWrappers?: { error?: string; message?: string }[];
  valid?: boolean;
  requestDate?: string;
  requestIdentifier?: string;
  name?: string;
  address?: string;
}

export function createViesClient(options: ViesClientOptions): ViesClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  return {
    async check(vatNumber) {
      const countryCode = vatNumber.slice(0, 2);
      let response: Response;
      try {
        response = await doFetch(`${base}/check-vat-number`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ countryCode, vatNumber: vatNumber.slice(2) }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (cause) {
        throw new ServiceError({
          service: "vies",
          kind: "transient",
          message: `VIES did not answer: ${String(cause)}`,
          cause,
        });
      }
      let body: ViesBody | null = null;
      try {
        body = (await response.json()) as ViesBody;
      } catch {
        body = null;
      }
      const fault = body?.errorWrappers?.[0];
      if (body?.actionSucceed === false || fault || !response.ok || typeof body?.valid !== "boolean") {
        const code = fault?.error ?? `HTTP ${response.status}`;
        throw new ServiceError({
          service: "vies",
          kind: fault?.error && REQUEST_ERRORS.has(fault.error) ? "validation" : "transient",
          code,
          status: response.status,
          message: `VIES could not check ${vatNumber}: ${code}${fault?.message ? ` (${fault.message})` : ""}.`,
        });
      }
      const text = (value: string | undefined) => (value && value !== "---" ? value.trim() : null);
      return {
        vatNumber,
        valid: body.valid,
        requestDate: body.requestDate ?? new Date().toISOString(),
        requestIdentifier: text(body.requestIdentifier),
        name: text(body.name),
        address: text(body.address),
      };
    },
  };
}
