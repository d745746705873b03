import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  diffDatabaseToSchema,
  diffMigrationsToSchema,
  loadMigrationList,
  migrationsDir,
} from "../lib/migrate";
import { createTestDatabase, type TestDatabase } from "./db";
import pg from "pg";
import { adminDatabaseUrl, databaseUrl, uniqueDatabaseName } from "./test-env";

describe("migrations", () => {
  let empty: { name: string; url: string };

  beforeAll(async () => {
    const name = uniqueDatabaseName("ponte_mig");
    const admin = new pg.Client({ connectionString: adminDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    empty = { name, url: databaseUrl(name) };
  });

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminDatabaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${empty.name} WITH (FORCE)`);
    await admin.end();
  });

  it("creates the schema on an empty database, then does nothing the second time", async () => {
    const list = await loadMigrationList();
    const names = list.migrationDirectories.map((d) => d.path);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(empty.url)).toEqual(names);
    expect(await applyMigrations(empty.url)).toEqual([]);

    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    const rows = (
      await client.query(
        "SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
      )
    ).rows;
    await client.end();
    // Recorded exactly as `prisma migrate deploy` records them: sha256 of migration.sql, finished, one step.
    for (const [i, row] of rows.entries()) {
      const sql = await readFile(path.join(migrationsDir, names[i]!, "migration.sql"));
      expect(row).toMatchObject({
        migration_name: names[i],
        checksum: createHash("sha256").update(sql).digest("hex"),
        applied_steps_count: 1,
        rolled_back_at: null,
      });
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  // The schema engine replays every migration into a shadow database: over a minute on a loaded 2-core machine.
  it("leaves no drift between the committed migrations and schema.prisma", { timeout: 240_000 }, async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  describe("a migrated database", () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase();
    });
    afterAll(async () => test.drop());

    it("matches schema.prisma", async () => {
      expect(await diffDatabaseToSchema(test.url)).toBe("");
    });

    it("reports drift when the database differs from the schema", async () => {
      await test.db.$executeRawUnsafe('DROP INDEX "Order_invoiceState_orderedAt_idx"');
      expect(await diffDatabaseToSchema(test.url)).toContain('CREATE INDEX "Order_invoiceState_orderedAt_idx"');
    });
  });
});
