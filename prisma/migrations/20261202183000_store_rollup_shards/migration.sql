-- Every paid order and every delivery of a store added to its one StoreRollup row, so concurrent deliveries of
-- one store waited for each other: each held that row's lock from its trigger to its commit (the order's words,
-- the other triggers, the WAL flush), and one transaction slowed down (its backend descheduled on a busy
-- machine) stalled all that came after it. Under 100 deliveries/s of one store, about one delivery was always
-- waiting on that lock. A store's figures are now kept in several rows, one per shard, and a transaction writes
-- the shard of its connection (its backend's pid modulo 64), so concurrent transactions, which run on different
-- connections, write different rows. A store's figure is the sum of its shards (the newest delivery: their
-- greatest). The rebuild keeps writing one row per store (shard 0).
-- The counter update no longer builds its statement at run time (EXECUTE format(…), planned on every call): one
-- static statement per counter, whose plan the session keeps.
-- The PL/pgSQL functions' semicolons are written \073 (see the order_words migration).

ALTER TABLE "StoreRollup" ADD COLUMN "shard" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "StoreRollup" DROP CONSTRAINT "StoreRollup_pkey";
ALTER TABLE "StoreRollup" ADD CONSTRAINT "StoreRollup_pkey" PRIMARY KEY ("storeId", "shard");

CREATE FUNCTION "ponte_rollup_shard"() RETURNS smallint LANGUAGE sql STABLE PARALLEL SAFE AS
  'SELECT (pg_backend_pid() % 64)::smallint';

CREATE OR REPLACE FUNCTION "ponte_store_rollup_add"(ids text[], deltas int[], field text) RETURNS void LANGUAGE plpgsql AS
  E'BEGIN
  IF field = ''awaitingInvoice'' THEN
    INSERT INTO "StoreRollup" ("storeId", shard, "awaitingInvoice")
    SELECT c.id, "ponte_rollup_shard"(), c.delta FROM unnest(ids, deltas) AS c(id, delta) JOIN "Store" s ON s.id = c.id
     WHERE c.delta <> 0 ORDER BY c.id
    ON CONFLICT ("storeId", shard) DO UPDATE SET "awaitingInvoice" = "StoreRollup"."awaitingInvoice" + EXCLUDED."awaitingInvoice"\073
  ELSIF field = ''failedJobs'' THEN
    INSERT INTO "StoreRollup" ("storeId", shard, "failedJobs")
    SELECT c.id, "ponte_rollup_shard"(), c.delta FROM unnest(ids, deltas) AS c(id, delta) JOIN "Store" s ON s.id = c.id
     WHERE c.delta <> 0 ORDER BY c.id
    ON CONFLICT ("storeId", shard) DO UPDATE SET "failedJobs" = "StoreRollup"."failedJobs" + EXCLUDED."failedJobs"\073
  ELSE
    RAISE EXCEPTION ''unknown rollup field %'', field\073
  END IF\073
END';

CREATE OR REPLACE FUNCTION "ponte_rollup_deliveries"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
  INSERT INTO "StoreRollup" ("storeId", shard, "lastWebhookAt")
  SELECT n."storeId", "ponte_rollup_shard"(), max(n."lastSeenAt") FROM new_rows n JOIN "Store" s ON s.id = n."storeId"
   GROUP BY n."storeId" ORDER BY n."storeId"
  ON CONFLICT ("storeId", shard) DO UPDATE SET "lastWebhookAt" = EXCLUDED."lastWebhookAt"
   WHERE "StoreRollup"."lastWebhookAt" IS NULL OR "StoreRollup"."lastWebhookAt" < EXCLUDED."lastWebhookAt"\073
  RETURN NULL\073
END';
