// The month's export as CSV or XLSX, written as the rows come from the database (./export-rows.ts): a big
// month streams out page by page. CSV: RFC 4180, comma-separated, UTF-8 with a byte-order mark (so that Excel
// reads accents), amounts with a dot and two decimals, Lisbon date-times. XLSX: exceljs's streaming writer,
// amounts as numbers in euros with two decimals, dates as date cells in Lisbon time.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { lisbonZone } from "@/lib/lisbon-time";
import { centsToDecimal } from "@/lib/money";
import type { ExportRow } from "./export-rows";

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

/** The instant as Lisbon wall-clock time, in a Date whose UTC fields hold it (what a spreadsheet shows). */
export function lisbonWallClock(date: Date): Date {
  return new Date(date.getTime() + lisbonOffsetMs(date));
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

// A cell starting with one of these would be run as a formula by a spreadsheet (CSV injection).
const formulaStart = /^[=+\-@\t\r]/;

function csvText(value: string | null): string {
  if (value === null || value === "") return "";
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvMoney = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? "" : centsToDecimal(cents);

export function csvLine(row: ExportRow, rates: string[]): string {
  const cells = [
    csvText(row.store),
    row.orderNumber === null ? "" : String(row.orderNumber),
    row.paidAt ? lisbonDateTimeText(row.paidAt) : "",
    csvText(row.customer),
    csvText(row.nif),
    csvText(row.country),
    row.documentType ?? "",
    csvText(row.documentNumber),
    csvText(row.atcud),
    row.documentDate ? lisbonDateTimeText(row.documentDate) : "",
    csvMoney(row.netCents),
  ];
  for (const rate of rates) cells.push(row.documentType ? csvMoney(row.vatCents[rate] ?? 0) : "");
  cells.push(csvMoney(row.grossCents), csvMoney(row.creditedCents), csvText(row.paymentMethod));
  return `${cells.join(",")}\r\n`;
}

/** The CSV file as a stream of text chunks (one per database page). */
export function csvStream(pages: AsyncIterable<ExportRow[]>, rates: string[], labels: ExportLabels): Readable {
  return Readable.from(
    (async function* () {
      yield `\uFEFF${exportHeader(labels, rates).map(csvText).join(",")}\r\n`;
      for await (const page of pages) {
        let chunk = "";
        for (const row of page) chunk += csvLine(row, rates);
        yield chunk;
      }
    })(),
  );
}

const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? null : cents / 100);

/** The XLSX file as a byte stream; rows are committed (written out) as they are added. */
export function xlsxStream(
  pages: AsyncIterable<ExportRow[]>,
  rates: string[],
  labels: ExportLabels,
  sheetName: string,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  const money = "#,##0.00";
  const dateTime = "yyyy-mm-dd hh:mm";
  const header = exportHeader(labels, rates);
  sheet.columns = header.map((title, i) => {
    const isMoney = i >= 10 && i < header.length - 1;
    const isDate = i === 2 || i === 9;
    return {
      header: title,
      width: isDate ? 17 : isMoney ? 12 : i === 0 || i === 3 ? 24 : 14,
      style: isMoney ? { numFmt: money } : isDate ? { numFmt: dateTime } : {},
    };
  });
  void (async () => {
    try {
      for await (const page of pages) {
        for (const row of page) {
          sheet
            .addRow([
              row.store,
              row.orderNumber,
              row.paidAt ? lisbonWallClock(row.paidAt) : null,
              row.customer,
              row.nif,
              row.country,
              row.documentType,
              row.documentNumber,
              row.atcud,
              row.documentDate ? lisbonWallClock(row.documentDate) : null,
              euros(row.netCents),
              ...rates.map((rate) => (row.documentType ? euros(row.vatCents[rate] ?? 0) : null)),
              euros(row.grossCents),
              euros(row.creditedCents),
              row.paymentMethod,
            ])
            .commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
