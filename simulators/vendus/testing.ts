// Helpers for tests that talk to the simulator over raw HTTP (to assert exactly what the API answers).
import type { VendusDocumentRequest } from "../../lib/vendus/types";
import type { VendusSimulator } from "./server";

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A fetch wrapper that authenticates with the simulator's first key and sends JSON. */
export function rawApi(sim: VendusSimulator, apiKey = sim.apiKeys[0]!) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; auth?: boolean } = {},
  ): Promise<RawAnswer> => {
    const headers: Record<string, string> = {
      ...(init.auth === false ? {} : { Authorization: `Basic ${btoa(`${apiKey}:`)}` }),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...init.headers,
    };
    const response = await fetch(new URL(path, sim.url), {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (PDF, empty body)
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
}

/** NIFs that pass the mod-11 check. */
export const validNifs = { person: "234567899", company: "514123451", other: "285800019" } as const;

let sequence = 0;

/** A one-line FR paid in cash on the simulator's normal-mode register (101); a fresh tx_id each call. */
export function sampleInvoice(overrides: Partial<VendusDocumentRequest> = {}): VendusDocumentRequest {
  return {
    register_id: 101,
    type: "FR",
    mode: "normal",
    external_reference: "order-1001",
    tx_id: `tx-${(sequence += 1)}`,
    items: [{ reference: "TSHIRT-M", title: "T-shirt M", qty: 1, gross_price: 12.3, tax_id: "NOR" }],
    payments: [{ id: 301, amount: 12.3 }],
    ...overrides,
  };
}
