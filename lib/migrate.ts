// Applies and diffs Prisma migrations with Prisma's WebAssembly schema engine, so migrations work on
// machines where the native engine cannot be downloaded. Rows in `_prisma_migrations` are written by the
// engine itself, exactly as `prisma migrate deploy` writes them: operators may use either tool.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** The PostgreSQL extensions schema.prisma names, for in-memory PGlite databases. */
export const pgliteExtensions = { pg_trgm };

const root = path.resolve(__dirname, "..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");

type EngineModule = typeof import("@prisma/schema-engine-wasm");
type SchemaEngine = Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>;
type MigrationList = Parameters<SchemaEngine["applyMigrations"]>[0]["migrationsList"];

let enginePromise: Promise<EngineModule> | undefined;

// The package's entry imports the .wasm file as an ES module, which Node cannot do: instantiate it by hand.
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(__filename);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const pkgDir = path.dirname(bgPath);
    const bg = (await import(pathToFileURL(bgPath).href)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === "function") start();
    return bg;
  })();
  return enginePromise;
}

const noFilter = { externalTables: [], externalEnums: [] };

export async function loadMigrationList(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  const lockContent = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  const schema = await readFile(schemaPath, "utf8");
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns the names it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  // Our own pool, closed afterwards: an idle connection left behind would keep the database "in use"
  // (a template database could then not be cloned).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return await applyMigrationsWith(new PrismaPg(pool));
  } finally {
    await pool.end();
  }
}

export async function applyMigrationsWith(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await loadMigrationList();
  return withEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that takes the committed migrations to the current schema.prisma ("" when they agree).
 * Runs entirely on in-memory PGlite databases: no PostgreSQL server and no native engine needed.
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const pglite = new PGlite({ extensions: pgliteExtensions });
  const factory = withExtensionsInShadow(new PrismaPGlite(pglite));
  const migrationsList = await loadMigrationList();
  const schema = await readFile(schemaPath, "utf8");
  try {
    return await withEngine(factory, async (engine) => {
      const result = await engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: null,
        filters: noFilter,
      });
      return normaliseEmptyDiff(dropExtensionsAlreadyCreated(result.stdout ?? "", migrationsList));
    });
  } finally {
    await pglite.close();
  }
}

// PostgreSQL's internal one-byte "char" type (OID 18, e.g. pg_class.relkind) is read by the engine while it
// describes a live database, but adapter-pg cannot map it. pg's Result is taught to report it as text (which
// is what it holds) for the duration of the describe only.
async function withCatalogCharAsText<T>(run: () => Promise<T>): Promise<T> {
  const require = createRequire(__filename);
  const Result = require("pg/lib/result") as {
    prototype: { addFields(fields: unknown[]): void; fields: pg.FieldDef[] };
  };
  const original = Result.prototype.addFields;
  Result.prototype.addFields = function (this: { fields: pg.FieldDef[] }, fields: unknown[]) {
    original.call(this, fields);
    for (const field of this.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
  };
  try {
    return await run();
  } finally {
    Result.prototype.addFields = original;
  }
}

// The adapter's shadow database is a bare PGlite; the schema's extensions must be loadable there too.
function withExtensionsInShadow(factory: PrismaPGlite): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: () => new PrismaPGlite(new PGlite({ extensions: pgliteExtensions })).connect(),
  };
}

/** The SQL that takes a live database to schema.prisma ("" when the database matches). */
export async function diffDatabaseToSchema(databaseUrl: string): Promise<string> {
  const factory = new PrismaPg({ connectionString: databaseUrl, max: 1 });
  const schema = await readFile(schemaPath, "utf8");
  return withCatalogCharAsText(() =>
    withEngine(factory, async (engine) => {
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files: [{ path: schemaPath, content: schema }], configDir: root },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: null,
        filters: noFilter,
      });
      return normaliseEmptyDiff(result.stdout ?? "");
    }),
  );
}

// The engine does not see extensions in a PGlite shadow database, so it asks again for extensions that a
// committed migration already creates. Those statements are dropped; diffDatabaseToSchema, run against a
// real PostgreSQL, still checks extensions.
function dropExtensionsAlreadyCreated(sql: string, migrations: MigrationList): string {
  const committed = migrations.migrationDirectories
    .map((d) => (d.migrationFile.content.tag === "ok" ? d.migrationFile.content.value : ""))
    .join("\n");
  return sql.replace(
    /-- CreateExtension\n(CREATE EXTENSION IF NOT EXISTS "[^"]+";)\n*/g,
    (statement, create: string) => (committed.includes(create) ? "" : statement),
  );
}

function normaliseEmptyDiff(sql: string): string {
  const trimmed = sql.trim();
  return trimmed === "-- This is an empty migration." ? "" : trimmed;
}
