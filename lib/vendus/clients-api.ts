// Vendus clients (the merchant's customers). Creating one whose fiscal_id exists fails, so look up first.
import type { Transport } from "./http";
import { getOne, listAll, post } from "./calls";
import type { VendusClientRecord } from "./models";
import { clientRecordSchema } from "./schemas";
import type { VendusClientInput } from "./types";

export interface VendusClientsApi {
  getClient(id: number): Promise<VendusClientRecord>;
  /** Exact match on fiscal_id; null when none. */
  findClientByFiscalId(fiscalId: string): Promise<VendusClientRecord | null>;
  /** Never retried: after a lost answer, look the client up by fiscal_id. */
  createClient(input: VendusClientInput): Promise<VendusClientRecord>;
}

export function clientsApi(t: Transport): VendusClientsApi {
  return {
    getClient: (id) => getOne(t, `clients/${id}/`, clientRecordSchema),
    findClientByFiscalId: async (fiscalId) => {
      const rows = await listAll(t, "clients/", clientRecordSchema, { fiscal_id: fiscalId });
      return rows.find((c) => c.fiscalId === fiscalId) ?? null;
    },
    createClient: (input) => post(t, "clients/", input, clientRecordSchema),
  };
}
