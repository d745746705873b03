// Deterministic identifiers: the same order (or credit request) always yields the same ids, so a retry after
// a timeout finds the document already issued (external_reference) or is refused as a duplicate (tx_id)
// instead of issuing a second invoice.
import { createHash } from "node:crypto";

function hashId(input: string): string {
  return `ponte-${createHash("sha256").update(input).digest("hex").slice(0, 32)}`;
}

/**
 * Searchable in Vendus with GET /documents/?external_reference=… An order's first invoice is "js-<store>-<order>";
 * a later one (issued after the earlier was fully credited) adds its number: "js-<store>-<order>-2".
 */
export function invoiceExternalReference(storeCode: string, orderId: number | string, sequence = 1): string {
  return sequence > 1 ? `js-${storeCode}-${orderId}-${sequence}` : `js-${storeCode}-${orderId}`;
}

/**
 * "ponte-" + the first 32 hex digits of sha256("<storeId>:<orderId>:invoice"), or of
 * sha256("<storeId>:<orderId>:invoice:<sequence>") for the order's second invoice onwards.
 */
export function invoiceTxId(storeId: string, orderId: number | string, sequence = 1): string {
  return hashId(sequence > 1 ? `${storeId}:${orderId}:invoice:${sequence}` : `${storeId}:${orderId}:invoice`);
}

/** One credit request = one sequence; reusing the sequence retries the same credit note. */
export function creditNoteExternalReference(invoiceId: number | string, sequence: number | string): string {
  return `nc-${invoiceId}-${sequence}`;
}

/** "ponte-" + the first 32 hex digits of sha256("<storeId>:<invoiceId>:credit:<sequence>"). */
export function creditNoteTxId(storeId: string, invoiceId: number | string, sequence: number | string): string {
  return hashId(`${storeId}:${invoiceId}:credit:${sequence}`);
}
