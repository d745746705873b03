// The month's orders ↔ documents as they leave the database, on a connection of the export's own (lib/db
// connectBeside: a bounded number of them, so concurrent exports cannot use up PostgreSQL's connections).
// CSV: PostgreSQL writes the file's rows itself (COPY (SELECT …) TO STDOUT WITH (FORMAT csv), through
// pg-copy-streams) and Node only passes the bytes on; XLSX: the same SELECT read through a cursor, a page at a
// time. Either way a big month never sits in memory.
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { connectBeside, type Db } from "@/lib/db";
import { CrlfLines } from "./crlf-lines";
import { type CellMode, documentRowsSql, orderRowsSql } from "./export-query";
import { monthBounds, type MonthPeriod } from "./period";

const rateKey = (rate: number) => String(Math.round(rate * 100) / 100);

/**
 * The VAT rates that appear in the month's documents (their VAT summaries, and a credit note's lines), highest
 * first: one export column each. One pass over the month's documents in the order of an index.
 */
export async function exportRates(db: Db, storeIds: string[], period: MonthPeriod): Promise<string[]> {
  const { start, end } = monthBounds(period);
  const rows = await db.$queryRaw<{ rate: number }[]>`
    SELECT x.r::float8 AS rate FROM "Document" d
    CROSS JOIN LATERAL (
      SELECT round((t->>'rate')::numeric, 2) AS r
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.taxes) = 'array' THEN d.taxes ELSE '[]' END) t
        WHERE jsonb_typeof(t->'rate') = 'number'
      UNION ALL
      SELECT round((l->>'taxRate')::numeric, 2)
        FROM jsonb_array_elements(CASE WHEN d.type = 'NC' AND jsonb_typeof(d.lines) = 'array' THEN d.lines ELSE '[]' END) l
        WHERE jsonb_typeof(l->'taxRate') = 'number'
    ) x
    WHERE d."storeId" = ANY(${storeIds}) AND d."issuedAt" >= ${start} AND d."issuedAt" < ${end}
    GROUP BY x.r ORDER BY x.r DESC`;
  return rows.map((r) => rateKey(Number(r.rate)));
}

export interface ExportSource {
  /** The export's own connection; `close()` ends it (also when the reader stops early). */
  connection: pg.Client;
  storeIds: string[];
  period: MonthPeriod;
  rates: string[];
}

/**
 * Opens the export's connection: JIT off (compiling a plan would cost more than it saves on these queries),
 * DateStyle ISO (the SELECT prints Lisbon date-times as timestamp text). Throws BesideConnectionsBusy when
 * every export connection is in use.
 */
export async function openExportSource(
  db: Db,
  storeIds: string[],
  period: MonthPeriod,
  rates: string[],
): Promise<ExportSource> {
  const connection = await connectBeside(db);
  try {
    await connection.query("SET jit = off; SET DateStyle = ISO");
  } catch (error) {
    await connection.end();
    throw error;
  }
  return { connection, storeIds, period, rates };
}

function queries(source: ExportSource, mode: CellMode): string[] {
  const { connection, storeIds, period, rates } = source;
  const literal = (value: string) => connection.escapeLiteral(value);
  const query = { storeIds, period, rates, mode, literal };
  return [documentRowsSql(query), orderRowsSql(query)];
}

/**
 * The CSV's rows as PostgreSQL writes them, documents then uninvoiced orders, each line ended with CRLF (RFC
 * 4180). The connection ends when the rows are out, or when the stream is destroyed.
 */
export function csvRows(source: ExportSource): Readable {
  const out = new CrlfLines();
  const { connection } = source;
  let current: Readable | null = null;
  let finished = false;
  const end = () => {
    if (finished) return;
    finished = true;
    current?.destroy();
    void connection.end().catch(() => undefined);
  };
  out.on("close", end);
  void (async () => {
    try {
      for (const sql of queries(source, "csv")) {
        if (out.destroyed) return;
        current = connection.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv)`));
        // Backpressure both ways; a reader that goes away stops the COPY (and the export ends below).
        await pipeline(current, out, { end: false });
      }
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    } finally {
      end();
    }
  })();
  return out;
}

export const exportFetchSize = 2000;

/**
 * The same rows as cell values (text, numbers and numeric text as PostgreSQL gives them), a page at a time
 * through a cursor. The connection ends when the rows are out, or when the reader stops early.
 */
export async function* valueRows(source: ExportSource): AsyncGenerator<unknown[][]> {
  const { connection } = source;
  try {
    await connection.query("BEGIN READ ONLY");
    for (const [i, sql] of queries(source, "values").entries()) {
      await connection.query(`DECLARE export_rows_${i} NO SCROLL CURSOR FOR ${sql}`);
      for (;;) {
        const page = await connection.query<unknown[]>({
          text: `FETCH FORWARD ${exportFetchSize} FROM export_rows_${i}`,
          rowMode: "array",
        });
        if (page.rows.length > 0) yield page.rows;
        if (page.rows.length < exportFetchSize) break;
      }
    }
    await connection.query("COMMIT");
  } finally {
    await connection.end();
  }
}
