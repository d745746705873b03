import { describe, expect, it } from "vitest";
import { buildMonthReport, maxListItems, outcomeOf, workingDaysBetween } from "./report";
import type { OrderFact, VendusDocFact } from "./types";

const period = { year: 2026, month: 11 };
const now = new Date("2026-12-02T10:00:00Z");

function paidOrder(id: number, paidAt: string, paidCents = 1000): OrderFact {
  return { jumpsellerId: id, status: "paid", createdAt: paidAt, paidAt, paidCents };
}

describe("workingDaysBetween", () => {
  it("counts working days forward and backward, skipping weekends and national holidays", () => {
    // 2026-12-04 is a Friday; the 7th a Monday; the 8th a holiday (Imaculada Conceição).
    expect(workingDaysBetween("2026-12-04", "2026-12-09")).toBe(2);
    expect(workingDaysBetween("2026-12-09", "2026-12-04")).toBe(-2);
    expect(workingDaysBetween("2026-12-04", "2026-12-04")).toBe(0);
  });
});

describe("buildMonthReport", () => {
  it("keeps only orders paid inside the Lisbon month and flags those without invoice by deadline", () => {
    const report = buildMonthReport({
      period,
      mode: "normal",
      now,
      orders: [
        // 23:30 UTC on 30 November is 23:30 in Lisbon (winter time): still November. Its deadline skips the
        // holidays of 1 and 8 December.
        paidOrder(1, "2026-11-30T23:30:00Z"),
        // 1 December 00:30 Lisbon: December.
        paidOrder(2, "2026-12-01T00:30:00Z"),
        paidOrder(3, "2026-11-02T09:00:00Z", 555),
      ],
      vendusDocs: [],
      ponteDocs: [],
      vatByVendusId: new Map(),
    });
    expect(report.jumpseller).toEqual({ paidCount: 2, paidCents: 1555 });
    expect(report.differences.withoutInvoice.items.map((i) => [i.jumpsellerId, i.deadline, i.deadlineState])).toEqual([
      [3, "2026-11-09", "overdue"],
      [1, "2026-12-09", "ok"],
    ]);
    expect(outcomeOf(report)).toBe("needs_attention");
  });

  it("ignores annulled documents and receipts, and keeps a full count beyond the stored items", () => {
    const docs: VendusDocFact[] = Array.from({ length: maxListItems + 5 }, (_, i) => ({
      vendusId: i + 1,
      type: "FT",
      number: `FT 1/${i + 1}`,
      date: "2026-11-10",
      status: "N",
      grossCents: 123,
      netCents: 100,
    }));
    docs.push({ ...docs[0]!, vendusId: 9001, status: "A" }, { ...docs[0]!, vendusId: 9002, type: "RG" });
    const report = buildMonthReport({
      period,
      mode: "normal",
      now,
      orders: [],
      vendusDocs: docs,
      ponteDocs: [],
      vatByVendusId: new Map([[1, [{ rate: 23, country: null, baseCents: 100, vatCents: 23 }]]]),
    });
    expect(report.vendus.invoices).toMatchObject({ count: maxListItems + 5, grossCents: 123 * (maxListItems + 5) });
    expect(report.vatUnknownDocuments).toBe(maxListItems + 4);
    expect(report.differences.outsidePonte.count).toBe(maxListItems + 5);
    expect(report.differences.outsidePonte.items).toHaveLength(maxListItems);
  });
});
