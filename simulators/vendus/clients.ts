// Clients (Vendus's customers) and how a document's inline `client` is resolved.
import { CONSUMIDOR_FINAL_NIF, isPortugueseFiscalId, isValidPortugueseNif } from "./nif";
import {
  asId,
  asText,
  bodyObject,
  businessError,
  fieldError,
  matchesText,
  notFound,
  ok,
  paginate,
  type Route,
} from "./protocol";
import type { SimClient, SimDocument, SimState } from "./state";

const textFields = ["name", "address", "postalcode", "city", "email", "phone", "external_reference"] as const;

/** Validates the client fields Vendus checks; a Portuguese NIF must pass mod-11 and 999999990 is refused. */
function clientFields(body: Record<string, unknown>, path: string): Omit<SimClient, "id"> {
  const fiscalId = asText(body.fiscal_id).replace(/\s/g, "");
  const country = asText(body.country).toUpperCase() || "PT";
  if (!/^[A-Z]{2}$/.test(country)) throw fieldError(`O campo ${path}country é inválido.`);
  if (fiscalId === CONSUMIDOR_FINAL_NIF) {
    throw fieldError(
      `O campo ${path}fiscal_id não pode ser ${CONSUMIDOR_FINAL_NIF}: para consumidor final não envie NIF.`,
    );
  }
  if (fiscalId && isPortugueseFiscalId(fiscalId, country)) {
    const digits = fiscalId.replace(/^PT/i, "");
    if (!isValidPortugueseNif(digits)) throw fieldError(`O NIF ${fiscalId} é inválido.`);
  }
  const fields = { fiscal_id: fiscalId, country } as Omit<SimClient, "id">;
  for (const key of textFields) fields[key] = asText(body[key]);
  return fields;
}

function insertClient(state: SimState, fields: Omit<SimClient, "id">): SimClient {
  const client = { id: state.nextIds.client, ...fields };
  state.nextIds.client += 1;
  state.clients.push(client);
  return client;
}

export const consumidorFinal: SimDocument["client"] = {
  id: null,
  fiscal_id: "",
  name: "Consumidor Final",
  address: "",
  postalcode: "",
  city: "",
  country: "PT",
  email: "",
  phone: "",
  external_reference: "",
};

/**
 * A document's `client`: `{id}` uses that client; a fiscal_id that exists reuses that client (the inline data
 * is ignored); a new fiscal_id creates the client; no fiscal_id means consumidor final (a given name is
 * printed, but no client is created).
 */
export function resolveDocumentClient(state: SimState, value: unknown): SimDocument["client"] {
  if (value === undefined || value === null) return consumidorFinal;
  const body = bodyObject(value);
  if (body.id !== undefined) {
    const client = state.clients.find((c) => c.id === asId(body.id));
    if (!client) throw fieldError("O campo client.id é inválido.");
    return { ...client };
  }
  const fields = clientFields(body, "client.");
  if (!fields.fiscal_id) return { ...consumidorFinal, ...fields, name: fields.name || consumidorFinal.name };
  const existing = state.clients.find((c) => c.fiscal_id === fields.fiscal_id);
  return { ...(existing ?? insertClient(state, fields)) };
}

/** POST /clients/: name required, and a fiscal_id may exist only once. */
export function createClientRecord(state: SimState, body: Record<string, unknown>): SimClient {
  const fields = clientFields(body, "");
  if (!fields.name) throw fieldError("O campo name é obrigatório.");
  if (fields.fiscal_id && state.clients.some((c) => c.fiscal_id === fields.fiscal_id)) {
    throw businessError(`Já existe um cliente com o NIF ${fields.fiscal_id}.`);
  }
  return insertClient(state, fields);
}

export const clientRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/clients\/$/,
    handler: (state, req) => {
      const q = req.query;
      const rows = state.clients.filter(
        (c) =>
          (q.get("fiscal_id") === null || c.fiscal_id === q.get("fiscal_id")) &&
          (q.get("email") === null || c.email === q.get("email")) &&
          (q.get("external_reference") === null || c.external_reference === q.get("external_reference")) &&
          matchesText(`${c.name} ${c.fiscal_id} ${c.email}`, q.get("q")),
      );
      return paginate(rows, q, (c) => c);
    },
  },
  {
    method: "POST",
    pattern: /^\/clients\/$/,
    handler: (state, req) => ok(createClientRecord(state, bodyObject(req.body)), 201),
  },
  {
    method: "GET",
    pattern: /^\/clients\/(\d+)\/$/,
    handler: (state, _req, [id]) => {
      const client = state.clients.find((c) => c.id === asId(id));
      if (!client) throw notFound();
      return ok(client);
    },
  },
];
