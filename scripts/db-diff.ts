// Produces the next migration offline: diffs the committed migrations against prisma/schema.prisma on an
// in-memory PGlite database and writes prisma/migrations/<timestamp>_<name>/migration.sql.
// Usage: npm run db:diff -- <name>      (prints "no changes" when the schema and migrations agree)
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema, migrationsDir } from "../lib/migrate";

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!name) {
    console.error("Usage: npm run db:diff -- <migration_name>");
    process.exit(2);
  }
  const sql = await diffMigrationsToSchema();
  if (!sql) {
    console.log("No changes: the migrations already match prisma/schema.prisma.");
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
