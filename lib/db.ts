// The one database client. Prisma 7 talks to PostgreSQL through the pg driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "./env";

export type Db = PrismaClient;

/**
 * Prisma's defaults (2 s to get a connection, 5 s for an interactive transaction) are met by every
 * transaction here on an idle machine, but a loaded two-core host (a burst of webhooks, a month-close build)
 * can stretch a short transaction past them and roll it back. The transactions stay short; these bounds only
 * keep a slow moment from turning into an error.
 */
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

const connectionStrings = new WeakMap<Db, string>();

export function createDb(connectionString = getEnv().DATABASE_URL, max = getEnv().DATABASE_POOL_MAX): Db {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max }), transactionOptions });
  connectionStrings.set(client, connectionString);
  return client;
}

const globalForDb = globalThis as unknown as { ponteDb?: Db };

// Reused across hot reloads in development so that connections are not leaked.
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    globalForDb.ponteDb ??= createDb();
    const value = Reflect.get(globalForDb.ponteDb, prop);
    return typeof value === "function" ? value.bind(globalForDb.ponteDb) : value;
  },
});

/**
 * A connection of its own to the database of `client`, outside its pool, for a read too big for Prisma's raw
 * queries: a month's export streams pages of thousands of rows, and the client's decoding of each page costs
 * several times what the driver's does. The caller ends it (`end()`), also when it stops early.
 */
export async function connectBeside(client: Db): Promise<pg.Client> {
  const connectionString = client === db ? getEnv().DATABASE_URL : connectionStrings.get(client);
  if (!connectionString) throw new Error("connectBeside: this database client was not made by createDb");
  const connection = new pg.Client({ connectionString });
  await connection.connect();
  return connection;
}
