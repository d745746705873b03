import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { creditNoteExternalReference, creditNoteTxId, invoiceExternalReference, invoiceTxId } from "./ids";

describe("deterministic ids", () => {
  it("derives the invoice ids from store and order only", () => {
    expect(invoiceExternalReference("lojadamaria", 1001)).toBe("js-lojadamaria-1001");
    // sha256("store_1:1001:invoice"), first 32 hex digits.
    expect(invoiceTxId("store_1", 1001)).toBe("ponte-7743b9212594c07d48abceb178252170");
    expect(invoiceTxId("store_1", 1001)).toBe(invoiceTxId("store_1", "1001"));
    expect(invoiceTxId("store_2", 1001)).not.toBe(invoiceTxId("store_1", 1001));
  });

  it("gives an order's later invoices ids of their own, carrying their number", () => {
    expect(invoiceExternalReference("lojadamaria", 1001, 1)).toBe("js-lojadamaria-1001");
    expect(invoiceExternalReference("lojadamaria", 1001, 2)).toBe("js-lojadamaria-1001-2");
    expect(invoiceTxId("store_1", 1001, 1)).toBe(invoiceTxId("store_1", 1001));
    // sha256("store_1:1001:invoice:2"), first 32 hex digits.
    expect(invoiceTxId("store_1", 1001, 2)).toBe(
      `ponte-${createHash("sha256").update("store_1:1001:invoice:2").digest("hex").slice(0, 32)}`,
    );
    expect(invoiceTxId("store_1", 1001, 2)).not.toBe(invoiceTxId("store_1", 1001, 3));
  });

  it("derives credit note ids from store, invoice and request sequence", () => {
    expect(creditNoteExternalReference(4242, 1)).toBe("nc-4242-1");
    expect(creditNoteTxId("store_1", 4242, 1)).toBe("ponte-013438b0636db104fe04d5c64d365123");
    expect(creditNoteTxId("store_1", 4242, 2)).not.toBe(creditNoteTxId("store_1", 4242, 1));
  });
});
