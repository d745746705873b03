// Document routes: list, detail, PDF, cancellation, and the POST (whose refusals leave no trace).
import { issueDocument } from "./issue-document";
import { renderPdf } from "./pdf";
import {
  asId,
  bodyObject,
  businessError,
  fieldError,
  notFound,
  ok,
  paginate,
  type Route,
  type SimRequest,
} from "./protocol";
import { detailJson, rowJson } from "./serialize";
import type { SimDocument, SimState } from "./state";

/** Test-mode documents are only visible with mode=tests (and normal ones only without it). */
function findDocument(state: SimState, req: SimRequest, id: string | undefined): SimDocument {
  const mode = req.query.get("mode") ?? "normal";
  const doc = state.documents.find((d) => d.id === asId(id) && d.mode === mode);
  if (!doc) throw notFound();
  return doc;
}

function listDocuments(state: SimState, query: URLSearchParams): SimDocument[] {
  const mode = query.get("mode") ?? "normal";
  const types = query
    .get("type")
    ?.split(",")
    .map((t) => t.trim().toUpperCase());
  const eq = (name: string, value: string | number) => query.get(name) === null || query.get(name) === String(value);
  const since = query.get("since");
  const until = query.get("until");
  const q = query.get("q")?.toLowerCase();
  return state.documents
    .filter(
      (d) =>
        d.mode === mode &&
        (!types || types.includes(d.type)) &&
        eq("external_reference", d.externalReference) &&
        eq("register_id", d.registerId) &&
        eq("status", d.status) &&
        eq("client_fiscal_id", d.client.fiscal_id) &&
        (!since || d.date >= since) &&
        (!until || d.date <= until) &&
        (!q || d.number.toLowerCase().includes(q) || d.externalReference.toLowerCase().includes(q)),
    )
    .sort((a, b) => b.id - a.id);
}

/** Undoes products and clients created while validating a document that was then refused. */
function withRollback<T>(state: SimState, work: () => T): T {
  const products = state.products.length;
  const clients = state.clients.length;
  const nextIds = { ...state.nextIds };
  try {
    return work();
  } catch (error) {
    state.products.length = products;
    state.clients.length = clients;
    state.nextIds = nextIds;
    throw error;
  }
}

export const documentRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/documents\/$/,
    handler: (state, req) => paginate(listDocuments(state, req.query), req.query, rowJson),
  },
  {
    method: "POST",
    pattern: /^\/documents\/$/,
    handler: (state, req) => withRollback(state, () => issueDocument(state, req.body)),
  },
  {
    method: "GET",
    pattern: /^\/documents\/(\d+)\/$/,
    handler: (state, req, [id]) => ok(detailJson(state, findDocument(state, req, id))),
  },
  {
    method: "GET",
    pattern: /^\/documents\/(\d+)\.pdf$/,
    handler: (state, req, [id]) => ({
      status: 200,
      raw: { contentType: "application/pdf", data: renderPdf(state, findDocument(state, req, id)) },
    }),
  },
  {
    method: "PATCH",
    pattern: /^\/documents\/(\d+)\/$/,
    handler: (state, req, [id]) => {
      const doc = findDocument(state, req, id);
      const body = bodyObject(req.body);
      if (body.status !== "A" || Object.keys(body).length !== 1) {
        throw fieldError("Só é possível alterar o estado do documento para anulado (status: A).");
      }
      // Invoices and credit notes are final: corrections are made with a credit note.
      if (doc.type !== "RG") throw businessError("Não é permitido cancelar este tipo de documentos");
      doc.status = "A";
      return ok(detailJson(state, doc));
    },
  },
];
