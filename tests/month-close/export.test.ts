// The month's exports, opened and checked cell by cell: the same seeded month as report.test.ts would need its
// whole setup again, so this file builds a smaller one (two invoices, one credited) on the same harness.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, parseCsv } from "../support/csv";
import type { SessionUser } from "@/lib/access";
import { openMonthExport } from "@/lib/month-close/export";
import type { ExportLabels } from "@/lib/month-close/export-files";
import { lisbonDateTimeText } from "@/lib/month-close/export-files";
import { monthOf } from "@/lib/month-close/period";
import { runCli } from "@/scripts/ponte";
import { placePaidOrder, startHarness, type Harness } from "../pipeline/harness";

const labels: ExportLabels = {
  store: "Loja",
  orderNumber: "Encomenda",
  paidAt: "Paga em",
  customer: "Cliente",
  nif: "NIF",
  country: "País",
  documentType: "Tipo",
  documentNumber: "Número",
  atcud: "ATCUD",
  documentDate: "Data",
  net: "Líquido",
  vat: (rate) => `IVA ${rate} %`,
  gross: "Total",
  credited: "Creditado",
  paymentMethod: "Pagamento",
};

describe("month exports", () => {
  let h: Harness;
  let user: SessionUser;
  const period = monthOf(new Date());
  const month = `${period.year}-${String(period.month).padStart(2, "0")}`;

  beforeAll(async () => {
    h = await startHarness({ settings: { testMode: false, vendusRegisterId: 101 } });
    const row = await h.db.user.create({
      data: { email: "c@example.com", name: "C", passwordHash: "x", role: "accountant", allStores: true },
    });
    user = { ...row, locale: "pt-PT" };
    placePaidOrder(h);
    await h.settle();
    const credited = placePaidOrder(h, { nif: null });
    await h.settle();
    h.control.cancelOrder(credited.id);
    await h.settle();
    const invoice = await h.db.document.findFirstOrThrow({ where: { order: { jumpsellerId: credited.id } } });
    expect(
      await runCli(["creditnote:issue", "--document", invoice.id, "--reason", "order_cancelled"], () => undefined),
    ).toBe(0);
    await h.settle();
  }, 120_000);
  afterAll(async () => h?.close());

  async function open(format: "csv" | "xlsx", extra = "") {
    const answer = await openMonthExport(
      h.db,
      user,
      new URLSearchParams(`month=${month}&format=${format}${extra}`),
      labels,
    );
    if (answer.status !== 200) throw new Error(answer.message);
    return { answer, bytes: await collect(answer.stream) };
  }

  async function expectedRows() {
    const docs = await h.db.document.findMany({
      orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
      include: { order: true },
    });
    expect(docs.map((d) => d.type)).toEqual(["FR", "FR", "NC"]);
    const [first, second, nc] = docs as [(typeof docs)[number], (typeof docs)[number], (typeof docs)[number]];
    const base = (d: (typeof docs)[number]) => [
      "Loja de Teste",
      String(d.order!.jumpsellerId),
      lisbonDateTimeText(d.order!.paidAt!),
      "Ana Silva",
      d.order!.nif ?? "",
      d.order!.country ?? "",
      d.type,
      d.number,
      d.atcud ?? "",
      lisbonDateTimeText(d.issuedAt),
    ];
    return {
      docs,
      rows: [
        [...base(first), "20.00", "4.60", "24.60", "0.00", "Multibanco"],
        [...base(second), "20.00", "4.60", "24.60", "24.60", "Multibanco"],
        [...base(nc), "-20.00", "-4.60", "-24.60", "", "Multibanco"],
      ],
    };
  }

  /** The header row of both files, in pt-PT, for a month with one VAT rate (23 %). */
  const ptHeader = [
    "Loja",
    "Encomenda",
    "Paga em",
    "Cliente",
    "NIF",
    "País",
    "Tipo",
    "Número",
    "ATCUD",
    "Data",
    "Líquido",
    "IVA 23 %",
    "Total",
    "Creditado",
    "Pagamento",
  ];

  it("writes the CSV cell by cell: amounts to the cent, one VAT column per rate, credit notes negative", async () => {
    const { answer, bytes } = await open("csv");
    expect(answer).toMatchObject({
      contentType: "text/csv; charset=utf-8",
      filename: `ponte_todas-as-lojas_${month}.csv`,
    });
    const text = bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(ptHeader);
    const expected = await expectedRows();
    expect(rows).toEqual(expected.rows);
    expect(rows[0]![4]).toBe("123456789");
    expect(rows[0]![8]).toMatch(/^\S+-\d+$/);
    expect(
      await h.db.auditEvent.count({ where: { action: "month_close.exported", actorId: user.id, storeId: h.storeId } }),
    ).toBe(1);
  });

  it("writes the same rows as XLSX, amounts as numbers and dates as Lisbon date cells", async () => {
    const { answer, bytes } = await open("xlsx", `&store=${h.storeId}`);
    expect(answer).toMatchObject({ filename: `ponte_${h.storeCode}_${month}.xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(month);
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ptHeader);
    const { docs } = await expectedRows();
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    const second = cells(3);
    expect(second.slice(0, 2)).toEqual(["Loja de Teste", docs[1]!.order!.jumpsellerId]);
    expect((second[9] as Date).toISOString().slice(0, 16).replace("T", " ")).toBe(
      lisbonDateTimeText(docs[1]!.issuedAt),
    );
    expect(second.slice(6, 9)).toEqual(["FR", docs[1]!.number, docs[1]!.atcud]);
    expect(second.slice(10)).toEqual([20, 4.6, 24.6, 24.6, "Multibanco"]);
    expect(cells(4).slice(10, 13)).toEqual([-20, -4.6, -24.6]);
    expect(sheet.getRow(3).getCell(11).numFmt).toBe("#,##0.00");
  });

  it("refuses a month in the future and a store the user cannot see", async () => {
    const next = await openMonthExport(h.db, user, new URLSearchParams("month=2999-01&format=csv"), labels);
    expect(next).toMatchObject({ status: 400, error: "invalid" });
    const merchant = { ...user, id: "nobody", role: "merchant" as const, allStores: false };
    const hidden = await openMonthExport(
      h.db,
      merchant,
      new URLSearchParams(`month=${month}&format=csv&store=${h.storeId}`),
      labels,
    );
    expect(hidden).toMatchObject({ status: 404 });
  });
});
