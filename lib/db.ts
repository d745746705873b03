// The one database client. Prisma 7 talks to PostgreSQL through the pg driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "./env";

export type Db = PrismaClient;

/**
 * Prisma's defaults (2 s to get a connection, 5 s for an interactive transaction) are met by every
 * transaction here on an idle machine, but a loaded two-core host (a burst of webhooks, a month-close build)
 * can stretch a short transaction past them and roll it back. The transactions stay short; these bounds only
 * keep a slow moment from turning into an error.
 */
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

/**
 * TCP keep-alive on every pooled connection, first probe after 10 s of silence: a database host that vanishes
 * without closing its connections (a network partition, a host lost) is noticed by the kernel in minutes, and
 * the statement waiting on it fails as "Connection terminated" (waited out like any outage) instead of hanging
 * until the operating system's two-hour default, past a running job's lease (lib/jobs/dispatch.ts).
 */
const keepAliveAfterMs = 10_000;

/**
 * How long an idle pooled connection is kept. pg's default (10 s) closed the connections a burst had opened as
 * soon as the traffic settled (the pool hands out the most recently used one first, so the others sit idle),
 * and the next burst opened new ones just when answers were already late: a new backend's first statements
 * take tens of milliseconds more (it loads its catalog caches and compiles the trigger functions anew).
 * Idle connections do not keep a process alive (allowExitOnIdle): a command that is done still exits.
 */
const idlePoolOptions = { idleTimeoutMillis: 5 * 60_000, allowExitOnIdle: true };

const besideOptions = new WeakMap<Db, { connectionString: string; besideMax?: number }>();
const pools = new WeakMap<Db, pg.Pool>();

export function createDb(
  connectionString = getEnv().DATABASE_URL,
  max = getEnv().DATABASE_POOL_MAX,
  /** Connections beside the pool (connectBeside); DATABASE_EXPORT_CONNECTIONS_MAX when not given. */
  besideMax?: number,
): Db {
  // The pool is Prisma's, and also serves queryRows: one set of connections for both.
  const pool = new pg.Pool({
    connectionString,
    max,
    keepAlive: true,
    keepAliveInitialDelayMillis: keepAliveAfterMs,
    ...idlePoolOptions,
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter, transactionOptions });
  besideOptions.set(client, { connectionString, besideMax });
  pools.set(client, pool);
  return client;
}

const globalForDb = globalThis as unknown as { ponteDb?: Db };

// A "timestamp" column holds UTC (as Prisma writes it): read it as UTC whatever the process's time zone.
const timestampOid = 1114;
const rowTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === timestampOid
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Runs one statement built with Prisma.sql straight on the client's pg pool, for the statements a job run
 * makes on every order: Prisma's raw queries cost several times the CPU of the query itself (a job run's
 * dozen statements were a third of its CPU). Same rows as $queryRaw for the types these statements use
 * (timestamps read as UTC, bigint as string); Dates are sent as UTC instants. A client not made by createDb
 * (a transaction, a test's stand-in) runs it through $queryRaw.
 */
export async function queryRows<T>(client: Db, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(client === db ? (globalForDb.ponteDb ??= createDb()) : client);
  // A pool ended by $disconnect is not Prisma's any more (it makes a new one if the client is used again).
  if (!pool || pool.ended) return client.$queryRaw<T[]>(query);
  const values = query.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const result = await pool.query({ text: query.text, values, types: rowTypes });
  return result.rows as T[];
}

// Reused across hot reloads in development so that connections are not leaked.
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    globalForDb.ponteDb ??= createDb();
    const value = Reflect.get(globalForDb.ponteDb, prop);
    return typeof value === "function" ? value.bind(globalForDb.ponteDb) : value;
  },
});

/** Every connection beside the pool is in use: the caller is told to try again in a moment. */
export class BesideConnectionsBusy extends Error {
  constructor() {
    super("Every export connection is in use");
    this.name = "BesideConnectionsBusy";
  }
}

// Connections beside the pool now open in this process, per database.
const besideInUse = new Map<string, number>();

// The slots are session advisory locks (class 0x706f6e74, slot 0…max−1), so the bound holds across every
// process and server of the same database, and a crashed process's slots free themselves with its connection.
const slotLockClass = 0x706f6e74;

/**
 * A connection of its own to the database of `client`, outside its pool, for a read too big for Prisma's raw
 * queries: a month's export streams the month's rows through COPY or a cursor. They are bounded (at most
 * `besideMax` at once over all processes, checked in this process before connecting), so that concurrent
 * exports cannot use up PostgreSQL's connections: when all are in use this throws BesideConnectionsBusy. The
 * caller ends it (`end()`), also when it stops early; that frees its slot.
 */
export async function connectBeside(client: Db): Promise<pg.Client> {
  const options = client === db ? { connectionString: getEnv().DATABASE_URL } : besideOptions.get(client);
  if (!options) throw new Error("connectBeside: this database client was not made by createDb");
  const { connectionString } = options;
  const max = options.besideMax ?? getEnv().DATABASE_EXPORT_CONNECTIONS_MAX;
  const inUse = besideInUse.get(connectionString) ?? 0;
  if (inUse >= max) throw new BesideConnectionsBusy();
  besideInUse.set(connectionString, inUse + 1);
  const connection = new pg.Client({ connectionString });
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    besideInUse.set(connectionString, (besideInUse.get(connectionString) ?? 1) - 1);
  };
  connection.once("end", release);
  try {
    await connection.connect();
  } catch (error) {
    release();
    // PostgreSQL itself is full (too_many_connections): the same answer, try again in a moment.
    if ((error as { code?: string }).code === "53300") throw new BesideConnectionsBusy();
    throw error;
  }
  try {
    for (let slot = 0; slot < max; slot++) {
      const { rows } = await connection.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS taken", [
        slotLockClass,
        slot,
      ]);
      if (rows[0]?.taken) return connection;
    }
  } catch (error) {
    await connection.end();
    throw error;
  }
  await connection.end();
  throw new BesideConnectionsBusy();
}
