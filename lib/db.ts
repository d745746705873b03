// The one database client. Prisma 7 talks to PostgreSQL through the pg driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "./env";

export type Db = PrismaClient;

export function createDb(connectionString = getEnv().DATABASE_URL, max = getEnv().DATABASE_POOL_MAX): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
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
