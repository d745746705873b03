// The month export's harder cells, on rows written straight into the database: October 2026 (Lisbon leaves
// summer time on the 25th: 01:30 happens twice), an invoice over two VAT rates and its partial credit note kept
// without any VAT, a credit note with only its lines, names with quotes, commas, a line break and a leading
// "=", "+" or "@" (guarded in the CSV, plain text in the XLSX), and an order paid without an invoice. Each file
// is opened and read cell by cell; the expected cells are written out by hand.
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, parseCsv } from "../support/csv";
import type { SessionUser } from "@/lib/access";
import { connectBeside } from "@/lib/db";
import { openMonthExport } from "@/lib/month-close/export";
import type { ExportLabels } from "@/lib/month-close/export-files";
import { createTestDatabase, type TestDatabase } from "../db";

const labels: ExportLabels = {
  store: "Store",
  orderNumber: "Order",
  paidAt: "Paid at",
  customer: "Customer",
  nif: "NIF",
  country: "Country",
  documentType: "Type",
  documentNumber: "Number",
  atcud: "ATCUD",
  documentDate: "Date",
  net: "Net",
  vat: (rate) => `VAT ${rate} %`,
  gross: "Gross",
  credited: "Credited",
  paymentMethod: "Payment",
};

describe("month export: the harder cells", () => {
  let t: TestDatabase;
  let user: SessionUser;
  const storeName = 'Loja "A", Lda';
  const names = { a: 'Silva, "Ana"\nfilha', b: '=HYPERLINK("http://x")', c: "+Maria" };

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.db;
    const store = await db.store.create({ data: { code: "loja-a", name: storeName } });
    const order = (jumpsellerId: number, customerName: string, paidAt: string, extra = {}) =>
      db.order.create({
        data: {
          storeId: store.id,
          jumpsellerId,
          status: "paid",
          customerName,
          nif: "123456789",
          country: "PT",
          totalCents: 0,
          orderedAt: new Date(paidAt),
          paidAt: new Date(paidAt),
          paymentMethod: "Multibanco",
          ...extra,
        },
      });
    const a = await order(501, names.a, "2026-09-30T23:10:00Z");
    const b = await order(502, names.b, "2026-10-25T00:10:00Z");
    await order(503, names.c, "2026-10-15T12:00:00Z", { nif: null, country: "ES", paymentMethod: "@PayPal" });
    let vendusId = 1;
    const document = (data: {
      orderId: string;
      invoiceForOrderId?: string;
      type: "FR" | "NC";
      issuedAt: string;
      gross: number;
      net: number;
      taxes: unknown;
      lines?: unknown;
      creditsId?: string;
    }) => {
      const n = vendusId++;
      return db.document.create({
        data: {
          storeId: store.id,
          orderId: data.orderId,
          invoiceForOrderId: data.invoiceForOrderId,
          type: data.type,
          vendusId: n,
          number: `${data.type} 01P2026/${n}`,
          atcud: `JFAAAAAA-${n}`,
          issuedAt: new Date(data.issuedAt),
          amountGrossCents: data.gross,
          amountNetCents: data.net,
          externalReference: `ref-${n}`,
          txId: `tx-${n}`,
          lines: (data.lines ?? []) as object,
          taxes: data.taxes as object,
          creditsId: data.creditsId,
        },
      });
    };
    // 1 October 00:30 in Lisbon (summer time): the month's first half hour.
    const invoiceA = await document({
      orderId: a.id,
      invoiceForOrderId: a.id,
      type: "FR",
      issuedAt: "2026-09-30T23:30:00Z",
      gross: 3520,
      net: 3000,
      taxes: [
        { rate: 23, baseCents: 2000, vatCents: 460 },
        { rate: 6, baseCents: 1000, vatCents: 60 },
      ],
    });
    // 25 October 01:30, first in summer time, then again an hour later in winter time.
    const invoiceB = await document({
      orderId: b.id,
      invoiceForOrderId: b.id,
      type: "FR",
      issuedAt: "2026-10-25T00:30:00Z",
      gross: 1230,
      net: 1000,
      taxes: [{ rate: 23, baseCents: 1000, vatCents: 230 }],
    });
    // Half of invoice A, kept without VAT summary or lines: its VAT is A's in proportion.
    await document({
      orderId: a.id,
      type: "NC",
      issuedAt: "2026-10-25T01:30:00Z",
      gross: 1760,
      net: 1500,
      taxes: [],
      creditsId: invoiceA.id,
    });
    // All of invoice B, kept with its lines only: VAT = gross − gross ÷ 1.23.
    await document({
      orderId: b.id,
      type: "NC",
      issuedAt: "2026-10-31T23:30:00Z",
      gross: 1230,
      net: 1000,
      taxes: [],
      lines: [{ taxRate: 23, lineGrossCents: 1230 }],
      creditsId: invoiceB.id,
    });
    // 1 November 00:30 in Lisbon: next month, not a row of this export, but what it credits of A counts.
    await document({
      orderId: a.id,
      type: "NC",
      issuedAt: "2026-11-01T00:30:00Z",
      gross: 100,
      net: 81,
      taxes: [{ rate: 23, baseCents: 81, vatCents: 19 }],
      creditsId: invoiceA.id,
    });
    const row = await db.user.create({
      data: { email: "c@example.com", name: "C", passwordHash: "x", role: "accountant", allStores: true },
    });
    user = { ...row, locale: "en" };
  }, 60_000);
  afterAll(async () => t?.drop());

  const header = [
    "Store",
    "Order",
    "Paid at",
    "Customer",
    "NIF",
    "Country",
    "Type",
    "Number",
    "ATCUD",
    "Date",
    "Net",
    "VAT 23 %",
    "VAT 6 %",
    "Gross",
    "Credited",
    "Payment",
  ];

  async function open(format: "csv" | "xlsx") {
    const answer = await openMonthExport(t.db, user, new URLSearchParams(`month=2026-10&format=${format}`), labels);
    if (answer.status !== 200) throw new Error(answer.message);
    return collect(answer.stream);
  }

  it("writes the CSV: Lisbon times across the change of hour, VAT of credit notes kept without it, guarded names", async () => {
    const [head, ...rows] = parseCsv((await open("csv")).toString("utf8").slice(1));
    expect(head).toEqual(header);
    const doc = (n: number, type: string) => [`${type} 01P2026/${n}`, `JFAAAAAA-${n}`];
    expect(rows).toEqual([
      [
        storeName,
        "501",
        "2026-10-01 00:10",
        names.a,
        "123456789",
        "PT",
        "FR",
        ...doc(1, "FR"),
        "2026-10-01 00:30",
        "30.00",
        "4.60",
        "0.60",
        "35.20",
        "18.60",
        "Multibanco",
      ],
      [
        storeName,
        "502",
        "2026-10-25 01:10",
        `'${names.b}`,
        "123456789",
        "PT",
        "FR",
        ...doc(2, "FR"),
        "2026-10-25 01:30",
        "10.00",
        "2.30",
        "0.00",
        "12.30",
        "12.30",
        "Multibanco",
      ],
      [
        storeName,
        "501",
        "2026-10-01 00:10",
        names.a,
        "123456789",
        "PT",
        "NC",
        ...doc(3, "NC"),
        "2026-10-25 01:30",
        "-15.00",
        "-2.30",
        "-0.30",
        "-17.60",
        "",
        "Multibanco",
      ],
      [
        storeName,
        "502",
        "2026-10-25 01:10",
        `'${names.b}`,
        "123456789",
        "PT",
        "NC",
        ...doc(4, "NC"),
        "2026-10-31 23:30",
        "-10.00",
        "-2.30",
        "0.00",
        "-12.30",
        "",
        "Multibanco",
      ],
      [storeName, "503", "2026-10-15 13:00", `'${names.c}`, "", "ES", "", "", "", "", "", "", "", "", "", "'@PayPal"],
    ]);
  });

  it("writes the same cells to the XLSX, names as plain text and amounts as numbers", async () => {
    const bytes = await open("xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(6);
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(cells(1)).toEqual(header);
    const minute = (value: unknown) => (value as Date).toISOString().slice(0, 16).replace("T", " ");
    expect(cells(2).slice(0, 4)).toEqual([storeName, 501, expect.any(Date), names.a]);
    expect(minute(cells(2)[2])).toBe("2026-10-01 00:10");
    expect(cells(2).slice(10)).toEqual([30, 4.6, 0.6, 35.2, 18.6, "Multibanco"]);
    expect(cells(3)[3]).toBe(names.b);
    expect(sheet.getRow(3).getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(cells(4).slice(10, 14)).toEqual([-15, -2.3, -0.3, -17.6]);
    expect([minute(cells(3)[9]), minute(cells(4)[9]), minute(cells(5)[9])]).toEqual([
      "2026-10-25 01:30",
      "2026-10-25 01:30",
      "2026-10-31 23:30",
    ]);
    expect(cells(5).slice(10, 14)).toEqual([-10, -2.3, 0, -12.3]);
    const uninvoiced = sheet.getRow(6);
    expect([uninvoiced.getCell(2).value, uninvoiced.getCell(4).value, uninvoiced.getCell(16).value]).toEqual([
      503,
      names.c,
      "@PayPal",
    ]);
    expect(uninvoiced.getCell(7).value).toBeNull();
    expect(uninvoiced.getCell(11).value).toBeNull();
  });

  it("answers 503, try again in a moment, while every export connection is in use, and takes the next one after", async () => {
    const ask = () => openMonthExport(t.db, user, new URLSearchParams("month=2026-10&format=csv"), labels);
    // DATABASE_EXPORT_CONNECTIONS_MAX: 3 unless configured. Three exports of this process are being streamed…
    const held = [await connectBeside(t.db), await connectBeside(t.db), await connectBeside(t.db)];
    expect(await ask()).toMatchObject({ status: 503, error: "busy", message: expect.stringMatching(/try again/) });
    await held.pop()!.end();
    await expect.poll(async () => (await ask()).status).toBe(200);
    // …or of other servers of the same database: the bound holds across processes.
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    await held.pop()!.end();
    await other.query("SELECT pg_advisory_lock(x'706f6e74'::int, slot) FROM generate_series(1, 2) slot");
    expect(await ask()).toMatchObject({ status: 503, error: "busy" });
    await other.end();
    const answer = await ask();
    if (answer.status !== 200) throw new Error(answer.message);
    expect((await collect(answer.stream)).toString("utf8")).toContain("'@PayPal");
    await held.pop()!.end();
  });
});
