import { applyMigrations } from "../../lib/migrate";
import { getEnv } from "../../lib/env";
import type { CliCommand } from "./types";

export const dbMigrate: CliCommand = {
  name: "db:migrate",
  config: ["database"],
  summary: "Apply pending migrations (recorded in _prisma_migrations, like prisma migrate deploy)",
  usage: "db:migrate",
  needsDb: false,
  async run({ out }) {
    const applied = await applyMigrations(getEnv().DATABASE_URL);
    out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  },
};
