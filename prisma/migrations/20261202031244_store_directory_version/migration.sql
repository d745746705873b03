-- The webhook path keeps stores (code → id, enabled, hooks token) in memory. The database itself bumps this
-- version whenever one of those facts changes, by whatever path (dashboard, CLI, app install, another
-- instance, SQL typed by hand), and every process drops its copy at its next delivery.

-- CreateTable
CREATE TABLE "StoreDirectoryVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "StoreDirectoryVersion_pkey" PRIMARY KEY ("id")
);

INSERT INTO "StoreDirectoryVersion" ("id", "version") VALUES (1, 0);

-- The body's semicolons are written \073 (octal, in an E'' string): the migration runner used on machines
-- without Prisma's native engine (lib/migrate.ts, through @prisma/adapter-pg) splits scripts at every semicolon, comments included.
CREATE FUNCTION "ponte_store_directory_changed"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN UPDATE "StoreDirectoryVersion" SET "version" = "version" + 1 WHERE "id" = 1\073 RETURN NULL\073 END\073';

CREATE TRIGGER "Store_directory_insert_delete" AFTER INSERT OR DELETE ON "Store"
  FOR EACH ROW EXECUTE FUNCTION "ponte_store_directory_changed"();

CREATE TRIGGER "Store_directory_update" AFTER UPDATE OF "code", "enabled" ON "Store"
  FOR EACH ROW WHEN (OLD."code" IS DISTINCT FROM NEW."code" OR OLD."enabled" IS DISTINCT FROM NEW."enabled")
  EXECUTE FUNCTION "ponte_store_directory_changed"();

CREATE TRIGGER "StoreCredential_directory_insert_delete" AFTER INSERT OR DELETE ON "StoreCredential"
  FOR EACH ROW EXECUTE FUNCTION "ponte_store_directory_changed"();

CREATE TRIGGER "StoreCredential_directory_update" AFTER UPDATE OF "hooksTokenEnc" ON "StoreCredential"
  FOR EACH ROW WHEN (OLD."hooksTokenEnc" IS DISTINCT FROM NEW."hooksTokenEnc")
  EXECUTE FUNCTION "ponte_store_directory_changed"();
