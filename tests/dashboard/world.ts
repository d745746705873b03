// A seeded demo database that the dashboard's own `db` points at, and the SessionUser of each demo user.
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { sessionUserSelect, type SessionUser } from "../../lib/access";
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
    select: sessionUserSelect,
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

/**
 * The world of one test file: started before its tests and closed after them; eachTest runs before every test
 * (e.g. to sign the last test's user out). The returned object is filled in when the world has started.
 */
export function setUpDashboardWorld(eachTest?: () => void): DashboardWorld {
  const world = {} as DashboardWorld;
  beforeAll(async () => {
    Object.assign(world, await startDashboardWorld());
  });
  afterAll(() => world.close());
  if (eachTest) beforeEach(eachTest);
  return world;
}
