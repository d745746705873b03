// Counts the SQL statements this process sends to PostgreSQL (every pg client: Prisma's pool, the ingest's,
// a connection of its own), each one a round trip, with its text.
import pg from "pg";

type Query = typeof pg.Client.prototype.query;

export function recordSqlStatements() {
  const original: Query = pg.Client.prototype.query;
  const texts: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<Query>) {
    const config = args[0] as unknown;
    texts.push(typeof config === "string" ? config : ((config as { text?: string } | null)?.text ?? "?"));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as Query;
  return {
    /** The statements sent since the last take() (or the start). */
    take(): string[] {
      return texts.splice(0, texts.length);
    },
    stop() {
      pg.Client.prototype.query = original;
    },
  };
}
