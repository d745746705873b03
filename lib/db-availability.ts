// Whether an error means "the database is not there right now" (a connection killed, refused, or the
// database not accepting connections) rather than a query Ponte got wrong. Such errors are waited out: the
// step is retried, and a job whose retries run out waits for the database instead of failing.

// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (administrator or crash shutdown, cannot
// connect now), 53300 (too many connections); 55000 only with "not currently accepting connections". A pooled
// pg client whose connection was killed while idle answers its next query with "Client has encountered a
// connection error and is not queryable", without a code.
const unavailableCodes = /^(08\w{3}|57P0[123]|53300)$/;
const unavailableText =
  /(Code: `(08\w{3}|57P0[123]|53300)`|not currently accepting connections|Connection terminated|connection (is )?closed|connection error and is not queryable|ECONNREFUSED|ECONNRESET|Can't reach database server|terminating connection due to administrator command|Timed out fetching a new connection)/i;
// Prisma's own codes for an unreachable server, a lost connection and an exhausted pool.
const prismaUnavailable = new Set(["P1001", "P1002", "P1017", "P2024"]);

function postgresCodeOf(error: Record<string, unknown>): string | null {
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? error.code;
  return typeof code === "string" ? code : null;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const record = error as Record<string, unknown>;
  const code = postgresCodeOf(record);
  if (code && (unavailableCodes.test(code) || prismaUnavailable.has(code))) return true;
  const message = typeof record.message === "string" ? record.message : "";
  if (unavailableText.test(message)) return true;
  return isDatabaseUnavailable(record.cause, depth + 1);
}

/** The same test on an error that crossed a process boundary as its name and message only. */
export function isDatabaseUnavailableMessage(message: string | null | undefined): boolean {
  return Boolean(message && unavailableText.test(message));
}
