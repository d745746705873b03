import { describe, expect, it } from "vitest";
import { creditedLineCents } from "@/lib/invoicing";
import { creditAmountCents, lineBalances, readInvoiceLines, selectionAmountCents, type CreditRequest } from "./balance";

const pipelineLines = [
  {
    row: 1,
    reference: "CAN-01",
    title: "Caneca",
    qty: 3,
    grossUnitCents: 1230,
    lineGrossCents: 3690,
    taxId: "NOR",
    taxRate: 23,
  },
  {
    row: 2,
    reference: "PORTES",
    title: "Portes",
    qty: 1,
    grossUnitCents: 399,
    lineGrossCents: null,
    taxId: "NOR",
    taxRate: 23,
  },
];

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute));

describe("readInvoiceLines", () => {
  it("reads the pipeline's stored lines", () => {
    expect(readInvoiceLines(pipelineLines)).toEqual([
      { row: 1, reference: "CAN-01", title: "Caneca", qty: 3, grossUnitCents: 1230, lineGrossCents: 3690 },
      { row: 2, reference: "PORTES", title: "Portes", qty: 1, grossUnitCents: 399, lineGrossCents: null },
    ]);
  });

  it("reads Vendus request items, numbering rows by position and taking the line discount off", () => {
    const lines = readInvoiceLines([
      { reference: "SAB-001", title: "Sabonete", qty: 2, gross_price: 4.5, tax_id: "NOR" },
      { reference: "VEL-010", title: "Vela", qty: "3", gross_price: "12.90", discount_amount: 0.7 },
      { reference: "X", qty: 1, gross_price: 10, discount_percentage: 10 },
    ]);
    expect(lines).toEqual([
      { row: 1, reference: "SAB-001", title: "Sabonete", qty: 2, grossUnitCents: 450, lineGrossCents: 900 },
      { row: 2, reference: "VEL-010", title: "Vela", qty: 3, grossUnitCents: 1290, lineGrossCents: 3800 },
      { row: 3, reference: "X", title: "X", qty: 1, grossUnitCents: 1000, lineGrossCents: null },
    ]);
  });

  it("gives null for lines it cannot read", () => {
    expect(readInvoiceLines({ not: "lines" })).toBeNull();
    expect(readInvoiceLines([{ title: "no qty" }])).toBeNull();
  });
});

describe("lineBalances", () => {
  const lines = readInvoiceLines(pipelineLines)!;

  it("counts issued credit notes by the rows they were sent with, and requests on their way as pending", () => {
    const requests: CreditRequest[] = [
      {
        status: "succeeded",
        createdAt: at(1),
        payload: {
          scope: "lines",
          lines: [{ row: 1, qty: 1 }],
          document: { items: [{ qty: 1, reference_document: { document_number: "FR 1/1", document_row: 1 } }] },
        },
      },
      { status: "queued", createdAt: at(2), payload: { scope: "lines", lines: [{ row: 1, qty: 1 }] } },
      { status: "failed", createdAt: at(3), payload: { scope: "full", lines: [] } },
    ];
    expect(
      lineBalances(lines, requests).map(({ row, credited, pending, creditable }) => ({
        row,
        credited,
        pending,
        creditable,
      })),
    ).toEqual([
      { row: 1, credited: 1, pending: 1, creditable: 1 },
      { row: 2, credited: 0, pending: 0, creditable: 1 },
    ]);
  });

  it("takes a whole-invoice request as everything left at the time it was made", () => {
    const requests: CreditRequest[] = [
      { status: "succeeded", createdAt: at(1), payload: { scope: "lines", lines: [{ row: 1, qty: 2 }] } },
      { status: "running", createdAt: at(2), payload: { scope: "full", lines: [] } },
    ];
    expect(lineBalances(lines, requests).map((line) => line.creditable)).toEqual([0, 0]);
    expect(lineBalances(lines, requests).map((line) => line.pending)).toEqual([1, 1]);
  });
});

describe("amounts", () => {
  it("follow the engine's cumulative schedule, so partial credits add up to the line", () => {
    const [line] = lineBalances(
      readInvoiceLines([{ row: 1, reference: "A", title: "A", qty: 3, grossUnitCents: 333, lineGrossCents: 1000 }])!,
      [],
    );
    const engineLine = {
      row: 1,
      reference: "A",
      title: "A",
      qty: 3,
      grossUnitCents: 333,
      lineGrossCents: 1000,
      taxRate: 23,
      taxCode: "NOR",
    };
    const first = creditAmountCents(line!, 1);
    expect(first).toEqual({ cents: creditedLineCents({ ...engineLine, qtyCreditable: 3 }, 1), exact: true });
    const [after] = lineBalances(
      [line!],
      [{ status: "succeeded", createdAt: at(1), payload: { scope: "lines", lines: [{ row: 1, qty: 1 }] } }],
    );
    const rest = creditAmountCents(after!, 2);
    expect(rest.cents).toBe(creditedLineCents({ ...engineLine, qtyCreditable: 2 }, 2));
    expect(first.cents + rest.cents).toBe(1000);
  });

  it("estimate a line whose total is unknown, and say so", () => {
    const balances = lineBalances(readInvoiceLines(pipelineLines)!, []);
    expect(selectionAmountCents(balances, [{ row: 1, qty: 1 }])).toEqual({ cents: 1230, exact: true });
    expect(
      selectionAmountCents(balances, [
        { row: 1, qty: 3 },
        { row: 2, qty: 1 },
      ]),
    ).toEqual({ cents: 4089, exact: false });
    // Never more than what is left.
    expect(selectionAmountCents(balances, [{ row: 1, qty: 9 }]).cents).toBe(3690);
  });
});
