// What every benchmark shares: its own database on the test PostgreSQL server, percentiles, the machine it ran
// on, and the summary lines that `npm run bench:all` gathers into one table.
import os from "node:os";
import pg from "pg";
import { applyMigrations } from "../../lib/migrate";

export const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function benchDatabaseUrl(name: string): string {
  return Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
}

/** Creates the benchmark's database unless it exists (`fresh`: drops it first), then applies the migrations. */
export async function ensureBenchDatabase(name: string, { fresh = false } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = benchDatabaseUrl(name);
  await applyMigrations(url);
  return url;
}

/** Nearest-rank percentile (p in 0–100) of ascending times. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** "2 cores (model), load 1.2 0.9 0.7": what a figure was measured on. */
export function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}), load ${load}`;
}

/** A benchmark's headline figure, printed as one line that `npm run bench:all` reads back. */
export interface Figure {
  figure: string;
  value: string;
  target: string;
  /** Within the target; null when the figure has no target of its own. */
  ok: boolean | null;
}

export const figurePrefix = "bench-figure ";

export function reportFigure(figure: Figure): void {
  console.log(figurePrefix + JSON.stringify(figure));
}

/** Someone a benchmark reads pages as: the stores it is given (`allStores` reaches every one). */
export interface BenchUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "accountant" | "merchant";
  allStores?: boolean;
  storeIds?: string[];
}

/** Inserts the benchmark's users and their store access. */
export async function insertBenchUsers(client: pg.Client, users: BenchUser[]): Promise<void> {
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "allStores", "updatedAt")
     SELECT id, email, name, 'x', role::"Role", "allStores", now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS u(id, email, name, role, "allStores")`,
    [
      users.map((u) => u.id),
      users.map((u) => u.email),
      users.map((u) => u.name),
      users.map((u) => u.role),
      users.map((u) => u.allStores ?? false),
    ],
  );
  const access = users.flatMap((u) => (u.storeIds ?? []).map((storeId) => [u.id, storeId]));
  await client.query(`INSERT INTO "StoreAccess" ("userId", "storeId") SELECT * FROM unnest($1::text[], $2::text[])`, [
    access.map(([userId]) => userId),
    access.map(([, storeId]) => storeId),
  ]);
}
