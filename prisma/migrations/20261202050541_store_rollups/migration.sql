-- Per-store figures for the overview, kept exact by statement-level triggers in the same transaction as each
-- change: paid orders awaiting their invoice, failed jobs, the last webhook, and invoices per Lisbon day.
-- A statement's changes are summed per store first and applied in store order (one row update per store and
-- statement, the same lock order for every writer). Counters are only written for stores that still exist, so
-- a store's deletion (which cascades to its rows) leaves nothing behind.
-- The functions' semicolons are written \073 (octal, in an E'' string): the migration runner used on machines
-- without Prisma's native engine (lib/migrate.ts) splits scripts at every semicolon.

-- CreateTable
CREATE TABLE "StoreRollup" (
    "storeId" TEXT NOT NULL,
    "awaitingInvoice" INTEGER NOT NULL DEFAULT 0,
    "failedJobs" INTEGER NOT NULL DEFAULT 0,
    "lastWebhookAt" TIMESTAMP(3),

    CONSTRAINT "StoreRollup_pkey" PRIMARY KEY ("storeId")
);

-- CreateTable
CREATE TABLE "StoreDailyInvoices" (
    "day" DATE NOT NULL,
    "storeId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "grossCents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "StoreDailyInvoices_pkey" PRIMARY KEY ("day","storeId")
);

-- CreateIndex
CREATE INDEX "StoreDailyInvoices_storeId_day_idx" ON "StoreDailyInvoices"("storeId", "day");

-- AddForeignKey
ALTER TABLE "StoreRollup" ADD CONSTRAINT "StoreRollup_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreDailyInvoices" ADD CONSTRAINT "StoreDailyInvoices_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "ponte_store_rollup_add"(ids text[], deltas int[], field text) RETURNS void LANGUAGE plpgsql AS
  E'BEGIN
  EXECUTE format(
    ''INSERT INTO "StoreRollup" ("storeId", %1$I)
       SELECT c.id, c.delta FROM unnest($1, $2) AS c(id, delta) JOIN "Store" s ON s.id = c.id
        WHERE c.delta <> 0 ORDER BY c.id
     ON CONFLICT ("storeId") DO UPDATE SET %1$I = "StoreRollup".%1$I + EXCLUDED.%1$I'', field)
    USING ids, deltas\073
END';

CREATE FUNCTION "ponte_rollup_orders"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE ids text[]\073 deltas int[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(c.id), array_agg(c.n) INTO ids, deltas
      FROM (SELECT "storeId" AS id, count(*)::int AS n FROM new_rows WHERE "paidAt" IS NOT NULL AND "invoiceState" IN (''pending'', ''failed'') GROUP BY 1) c\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(c.id), array_agg(c.n) INTO ids, deltas
      FROM (SELECT "storeId" AS id, -count(*)::int AS n FROM old_rows WHERE "paidAt" IS NOT NULL AND "invoiceState" IN (''pending'', ''failed'') GROUP BY 1) c\073
  ELSE
    SELECT array_agg(c.id), array_agg(c.n) INTO ids, deltas
      FROM (SELECT x.id, sum(x.n)::int AS n
              FROM (SELECT "storeId" AS id, 1 AS n FROM new_rows WHERE "paidAt" IS NOT NULL AND "invoiceState" IN (''pending'', ''failed'')
                    UNION ALL SELECT "storeId", -1 FROM old_rows WHERE "paidAt" IS NOT NULL AND "invoiceState" IN (''pending'', ''failed'')) x
             GROUP BY x.id HAVING sum(x.n) <> 0) c\073
  END IF\073
  IF ids IS NOT NULL THEN PERFORM "ponte_store_rollup_add"(ids, deltas, ''awaitingInvoice'')\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION "ponte_rollup_jobs"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE ids text[]\073 deltas int[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(c.id), array_agg(c.n) INTO ids, deltas
      FROM (SELECT "storeId" AS id, count(*)::int AS n FROM new_rows WHERE status = ''failed'' GROUP BY 1) c\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(c.id), array_agg(c.n) INTO ids, deltas
      FROM (SELECT "storeId" AS id, -count(*)::int AS n FROM old_rows WHERE status = ''failed'' GROUP BY 1) c\073
  ELSE
    SELECT array_agg(c.id), array_agg(c.n) INTO ids, deltas
      FROM (SELECT x.id, sum(x.n)::int AS n
              FROM (SELECT "storeId" AS id, 1 AS n FROM new_rows WHERE status = ''failed''
                    UNION ALL SELECT "storeId", -1 FROM old_rows WHERE status = ''failed'') x
             GROUP BY x.id HAVING sum(x.n) <> 0) c\073
  END IF\073
  IF ids IS NOT NULL THEN PERFORM "ponte_store_rollup_add"(ids, deltas, ''failedJobs'')\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION "ponte_daily_invoices_add"(days date[], ids text[], ns int[], grosses bigint[]) RETURNS void LANGUAGE plpgsql AS
  E'BEGIN
  INSERT INTO "StoreDailyInvoices" (day, "storeId", count, "grossCents")
  SELECT c.day, c.id, c.n, c.gross FROM unnest(days, ids, ns, grosses) AS c(day, id, n, gross)
    JOIN "Store" s ON s.id = c.id
   ORDER BY c.day, c.id
  ON CONFLICT (day, "storeId") DO UPDATE SET count = "StoreDailyInvoices".count + EXCLUDED.count,
    "grossCents" = "StoreDailyInvoices"."grossCents" + EXCLUDED."grossCents"\073
END';

CREATE FUNCTION "ponte_rollup_documents"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE days date[]\073 ids text[]\073 ns int[]\073 grosses bigint[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(t.day), array_agg(t.id), array_agg(t.n), array_agg(t.gross) INTO days, ids, ns, grosses
      FROM (SELECT c.day, c.id, sum(c.sign)::int AS n, sum(c.sign * c.gross)::bigint AS gross FROM (SELECT "storeId" AS id, ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date AS day, 1 AS sign, "amountGrossCents" AS gross FROM new_rows WHERE type IN (''FT'', ''FR'', ''FS'')) c
             GROUP BY c.day, c.id HAVING sum(c.sign) <> 0 OR sum(c.sign * c.gross) <> 0) t\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(t.day), array_agg(t.id), array_agg(t.n), array_agg(t.gross) INTO days, ids, ns, grosses
      FROM (SELECT c.day, c.id, sum(c.sign)::int AS n, sum(c.sign * c.gross)::bigint AS gross FROM (SELECT "storeId" AS id, ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date AS day, -1 AS sign, "amountGrossCents" AS gross FROM old_rows WHERE type IN (''FT'', ''FR'', ''FS'')) c
             GROUP BY c.day, c.id HAVING sum(c.sign) <> 0 OR sum(c.sign * c.gross) <> 0) t\073
  ELSE
    SELECT array_agg(t.day), array_agg(t.id), array_agg(t.n), array_agg(t.gross) INTO days, ids, ns, grosses
      FROM (SELECT c.day, c.id, sum(c.sign)::int AS n, sum(c.sign * c.gross)::bigint AS gross FROM (SELECT "storeId" AS id, ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date AS day, 1 AS sign, "amountGrossCents" AS gross FROM new_rows WHERE type IN (''FT'', ''FR'', ''FS'') UNION ALL SELECT "storeId" AS id, ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date AS day, -1 AS sign, "amountGrossCents" AS gross FROM old_rows WHERE type IN (''FT'', ''FR'', ''FS'')) c
             GROUP BY c.day, c.id HAVING sum(c.sign) <> 0 OR sum(c.sign * c.gross) <> 0) t\073
  END IF\073
  IF ids IS NOT NULL THEN PERFORM "ponte_daily_invoices_add"(days, ids, ns, grosses)\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION "ponte_rollup_deliveries"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
  INSERT INTO "StoreRollup" ("storeId", "lastWebhookAt")
  SELECT n."storeId", max(n."lastSeenAt") FROM new_rows n JOIN "Store" s ON s.id = n."storeId"
   GROUP BY n."storeId" ORDER BY n."storeId"
  ON CONFLICT ("storeId") DO UPDATE SET "lastWebhookAt" = EXCLUDED."lastWebhookAt"
   WHERE "StoreRollup"."lastWebhookAt" IS NULL OR "StoreRollup"."lastWebhookAt" < EXCLUDED."lastWebhookAt"\073
  RETURN NULL\073
END';

CREATE TRIGGER "Order_rollup_insert" AFTER INSERT ON "Order" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_orders"();

CREATE TRIGGER "Order_rollup_update" AFTER UPDATE ON "Order" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_orders"();

CREATE TRIGGER "Order_rollup_delete" AFTER DELETE ON "Order" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_orders"();

CREATE TRIGGER "Job_rollup_insert" AFTER INSERT ON "Job" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_jobs"();

CREATE TRIGGER "Job_rollup_update" AFTER UPDATE ON "Job" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_jobs"();

CREATE TRIGGER "Job_rollup_delete" AFTER DELETE ON "Job" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_jobs"();

CREATE TRIGGER "Document_rollup_insert" AFTER INSERT ON "Document" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_documents"();

CREATE TRIGGER "Document_rollup_update" AFTER UPDATE ON "Document" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_documents"();

CREATE TRIGGER "Document_rollup_delete" AFTER DELETE ON "Document" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_documents"();

CREATE TRIGGER "WebhookDelivery_rollup_insert" AFTER INSERT ON "WebhookDelivery" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_deliveries"();

CREATE TRIGGER "WebhookDelivery_rollup_update" AFTER UPDATE ON "WebhookDelivery" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_rollup_deliveries"();

-- Recomputes every rollup from the rows (also used by the benchmark after a bulk load without triggers).
CREATE FUNCTION "ponte_rebuild_store_rollups"() RETURNS void LANGUAGE plpgsql AS
  E'BEGIN
  LOCK TABLE "Order", "Job", "Document", "WebhookDelivery" IN SHARE MODE\073
  DELETE FROM "StoreRollup"\073
  INSERT INTO "StoreRollup" ("storeId", "awaitingInvoice", "failedJobs", "lastWebhookAt")
  SELECT s.id, coalesce(o.n, 0), coalesce(j.n, 0), w.at
    FROM "Store" s
    LEFT JOIN (SELECT "storeId", count(*)::int AS n FROM "Order" WHERE "paidAt" IS NOT NULL AND "invoiceState" IN (''pending'', ''failed'') GROUP BY 1) o ON o."storeId" = s.id
    LEFT JOIN (SELECT "storeId", count(*)::int AS n FROM "Job" WHERE status = ''failed'' GROUP BY 1) j ON j."storeId" = s.id
    LEFT JOIN (SELECT "storeId", max("lastSeenAt") AS at FROM "WebhookDelivery" GROUP BY 1) w ON w."storeId" = s.id\073
  DELETE FROM "StoreDailyInvoices"\073
  INSERT INTO "StoreDailyInvoices" (day, "storeId", count, "grossCents")
  SELECT ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date, "storeId", count(*)::int, sum("amountGrossCents")::bigint FROM "Document" WHERE type IN (''FT'', ''FR'', ''FS'') GROUP BY 1, 2\073
END';

-- Paid orders awaiting their invoice by payment time: the overview's near-deadline and overdue counts read
-- only these few rows.
CREATE INDEX "Order_awaiting_paidAt_idx" ON "Order" ("paidAt", "storeId")
  WHERE "paidAt" IS NOT NULL AND "invoiceState" IN ('pending', 'failed');

SELECT "ponte_rebuild_store_rollups"();
