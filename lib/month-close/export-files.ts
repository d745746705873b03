// The month's export as CSV or XLSX, written as the rows come from the database (./export-rows.ts): a big
// month streams out as it is read. CSV: RFC 4180, comma-separated, UTF-8 with a byte-order mark (so that Excel
// reads accents), amounts with a dot and two decimals, Lisbon date-times — the rows as PostgreSQL writes them.
// XLSX: exceljs's streaming writer over the same cells (./export-query.ts), amounts as numbers in euros with two
// decimals, dates as date cells in Lisbon time.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { lisbonZone } from "@/lib/lisbon-time";
import { type ColumnKind, exportColumns } from "./export-query";

export interface ExportLabels {
  store: string;
  orderNumber: string;
  paidAt: string;
  customer: string;
  nif: string;
  country: string;
  documentType: string;
  documentNumber: string;
  atcud: string;
  documentDate: string;
  net: string;
  /** The column of one VAT rate, e.g. "IVA 23 %". */
  vat: (rate: string) => string;
  gross: string;
  credited: string;
  paymentMethod: string;
}

export function exportHeader(labels: ExportLabels, rates: string[]): string[] {
  return [
    labels.store,
    labels.orderNumber,
    labels.paidAt,
    labels.customer,
    labels.nif,
    labels.country,
    labels.documentType,
    labels.documentNumber,
    labels.atcud,
    labels.documentDate,
    labels.net,
    ...rates.map(labels.vat),
    labels.gross,
    labels.credited,
    labels.paymentMethod,
  ];
}

// Lisbon's offset changes twice a year: ask Intl once per UTC hour, not once per row.
const offsetCache = new Map<number, number>();
const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: lisbonZone, timeZoneName: "longOffset" });

function lisbonOffsetMs(date: Date): number {
  const hour = Math.floor(date.getTime() / 3_600_000);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const name = offsetFormat.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
    offsetCache.set(hour, offset);
  }
  return offset;
}

const dayMs = 86_400_000;
// "2026-11-30" per Lisbon day number: a month's export formats two instants per row.
const dayTexts = new Map<number, string>();

/** "2026-11-30 23:30" in Lisbon time. */
export function lisbonDateTimeText(date: Date): string {
  const wall = date.getTime() + lisbonOffsetMs(date);
  const day = Math.floor(wall / dayMs);
  let dayText = dayTexts.get(day);
  if (dayText === undefined) {
    dayText = new Date(day * dayMs).toISOString().slice(0, 10);
    dayTexts.set(day, dayText);
  }
  const minutes = Math.floor((wall - day * dayMs) / 60_000);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  return `${dayText} ${hour < 10 ? "0" : ""}${hour}:${minute < 10 ? "0" : ""}${minute}`;
}

// A header cell starting with one of these would be run as a formula by a spreadsheet (CSV injection); the
// rows are guarded the same way by the database (./export-query.ts).
const formulaStart = /^[=+\-@\t\r]/;

function csvText(value: string): string {
  if (value === "") return "";
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV file: a byte-order mark and the header, then the rows as the database writes them. */
export function csvStream(rows: Readable, rates: string[], labels: ExportLabels): Readable {
  return Readable.from(
    (async function* () {
      yield Buffer.from(`\uFEFF${exportHeader(labels, rates).map(csvText).join(",")}\r\n`, "utf8");
      yield* rows;
    })(),
  );
}

/** A cell as the database gives it → the spreadsheet's value. */
function cellValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "integer":
    case "money":
      return Number(value);
    // "2026-11-30 23:30", Lisbon: a Date whose UTC fields hold it (what a spreadsheet shows).
    case "dateTime":
      return new Date(`${String(value).replace(" ", "T")}:00Z`);
    case "text":
      return String(value);
  }
}

/** The XLSX file as a byte stream; rows are committed (written out) as they are added. */
export function xlsxStream(
  pages: AsyncIterable<unknown[][]>,
  rates: string[],
  labels: ExportLabels,
  sheetName: string,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  const header = exportHeader(labels, rates);
  const kinds = exportColumns(rates).map((column) => column.kind);
  sheet.columns = header.map((title, i) => {
    const kind = kinds[i];
    return {
      header: title,
      width: kind === "dateTime" ? 17 : kind === "money" ? 12 : i === 0 || i === 3 ? 24 : 14,
      style: kind === "money" ? { numFmt: "#,##0.00" } : kind === "dateTime" ? { numFmt: "yyyy-mm-dd hh:mm" } : {},
    };
  });
  void (async () => {
    try {
      for await (const page of pages) {
        for (const row of page) sheet.addRow(row.map((value, i) => cellValue(kinds[i]!, value))).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  // A reader that goes away stops the rows (and ends the export's connection).
  out.on("close", () => void (pages as AsyncGenerator).return?.(undefined));
  return out;
}
