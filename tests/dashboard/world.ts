// A seeded demo database that the dashboard's own `db` points at, and the SessionUser of each demo user.
import { vi } from "vitest";
import type { SessionUser } from "../../lib/access";
import { seedDemoData, demoUsers } from "../../scripts/demo/seed";
import { resetEnvCache } from "../../lib/env";
import { createTestDatabase, type TestDatabase } from "../db";

export interface DashboardWorld {
  test: TestDatabase;
  users: Record<keyof typeof demoUsers, SessionUser>;
  stores: Record<string, string>;
  close(): Promise<void>;
}

export async function toSessionUser(db: TestDatabase["db"], email: string): Promise<SessionUser> {
  return db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, role: true, allStores: true, locale: true },
  });
}

export async function startDashboardWorld(): Promise<DashboardWorld> {
  const test = await createTestDatabase();
  // Before anything reads the configuration: lib/db builds its client from DATABASE_URL on first use.
  vi.stubEnv("DATABASE_URL", test.url);
  resetEnvCache();
  await seedDemoData(test.db);
  const stores = Object.fromEntries(
    (await test.db.store.findMany({ select: { code: true, id: true } })).map((s) => [s.code, s.id]),
  );
  const users = {
    admin: await toSessionUser(test.db, demoUsers.admin.email),
    accountant: await toSessionUser(test.db, demoUsers.accountant.email),
    merchant: await toSessionUser(test.db, demoUsers.merchant.email),
  };
  return {
    test,
    users,
    stores,
    async close() {
      vi.unstubAllEnvs();
      resetEnvCache();
      await test.drop();
    },
  };
}
