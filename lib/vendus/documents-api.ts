// Documents: issue, read back, find by external_reference (the safe-retry lookup), PDF and SAF-T.
import type { Transport } from "./http";
import { getOne, listAll, post } from "./calls";
import { documentDetailSchema, documentSummarySchema, issuedDocumentSchema, saftSchema } from "./document-schemas";
import { unreadableAnswer } from "./errors";
import type { VendusDocumentDetail, VendusDocumentSummary, VendusIssuedDocument } from "./models";
import type { VendusDocumentRequest, VendusDocumentType, VendusMode } from "./types";

export interface VendusDocumentsApi {
  /**
   * Issues a document. Never retried by the client: after a timeout or a 5xx the document may exist, so the
   * caller looks it up with findDocumentsByExternalReference before any new POST. A `conflict` error means
   * Vendus refused a repeated tx_id: the document exists.
   */
  createDocument(body: VendusDocumentRequest): Promise<VendusIssuedDocument>;
  /** Test-mode documents are only found with mode "tests". */
  getDocument(id: number, options: { mode: VendusMode }): Promise<VendusDocumentDetail>;
  /** Documents carrying this external_reference, annulled ones (status A) left out; [] when none. */
  findDocumentsByExternalReference(
    externalReference: string,
    options: { mode: VendusMode; registerId?: number; type?: VendusDocumentType },
  ): Promise<VendusDocumentSummary[]>;
  /**
   * Every document dated between two days (YYYY-MM-DD, both included), all types and statuses, as the
   * list shows them (no ATCUD, no lines, no taxes); [] when none.
   */
  listDocumentsBetween(since: string, until: string, options: { mode: VendusMode }): Promise<VendusDocumentSummary[]>;
  getDocumentPdf(id: number, options: { mode: VendusMode }): Promise<Uint8Array>;
  /** The month's SAF-T (PT) XML. */
  getSaft(options: { year: number; month: number; mode?: VendusMode }): Promise<string>;
}

const decoder = new TextDecoder();

function startsWith(bytes: Uint8Array, text: string): boolean {
  return decoder.decode(bytes.subarray(0, text.length)) === text;
}

/** SAF-T comes as raw XML or base64 of it; a UTF-8 byte-order mark is dropped. */
function decodeSaft(xml: string): string | null {
  const raw = xml.replace(/^\uFEFF/, "").trimStart();
  if (raw.startsWith("<")) return raw;
  try {
    const binary = atob(xml.replace(/\s/g, ""));
    const decoded = decoder
      .decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
      .replace(/^\uFEFF/, "")
      .trimStart();
    return decoded.startsWith("<") ? decoded : null;
  } catch {
    return null;
  }
}

export function documentsApi(t: Transport): VendusDocumentsApi {
  return {
    createDocument: (body) => post(t, "documents/", body, issuedDocumentSchema),
    getDocument: (id, { mode }) => getOne(t, `documents/${id}/`, documentDetailSchema, { mode }),
    findDocumentsByExternalReference: async (externalReference, { mode, registerId, type }) => {
      const rows = await listAll(t, "documents/", documentSummarySchema, {
        external_reference: externalReference,
        mode,
        register_id: registerId,
        type,
      });
      // Rows that echo their reference must match it exactly; annulled documents do not count.
      return rows.filter(
        (row) =>
          row.status !== "A" &&
          (row.externalReference === null || row.externalReference === externalReference) &&
          (registerId === undefined || row.registerId === null || row.registerId === registerId) &&
          (type === undefined || row.type === type),
      );
    },
    listDocumentsBetween: async (since, until, { mode }) => {
      const rows = await listAll(t, "documents/", documentSummarySchema, { since, until, mode });
      // Whatever the server's reading of since/until, only the asked days are kept.
      return rows.filter((row) => row.date.slice(0, 10) >= since && row.date.slice(0, 10) <= until);
    },
    getDocumentPdf: async (id, { mode }) => {
      const path = `documents/${id}.pdf`;
      const answer = await t.send("GET", path, { query: { mode } });
      if (!startsWith(answer.bytes, "%PDF")) throw unreadableAnswer("GET", path, answer.status, "not a PDF");
      return answer.bytes;
    },
    getSaft: async ({ year, month, mode }) => {
      const path = "taxauthority/saft/";
      const answer = await t.send("GET", path, { query: { year, month, mode } });
      const type = answer.headers.get("content-type") ?? "";
      const xml = type.includes("xml") ? decoder.decode(answer.bytes) : t.json(answer, saftSchema, "GET", path).xml;
      const decoded = decodeSaft(xml);
      if (decoded === null) throw unreadableAnswer("GET", path, answer.status, "xml is neither XML nor base64 XML");
      return decoded;
    },
  };
}
