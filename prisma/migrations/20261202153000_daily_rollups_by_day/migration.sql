-- The overview's chart and its month's totals read every store's rows of some days (30 days of 1,000 stores: 30,000
-- rows). Rows stored in store order put each day's rows on as many pages as there are stores (7,400 pages read for
-- the chart at 1,000 stores), stored in day order they are on a few hundred. The daily rollups are rewritten in
-- their key's order (day, store) once here, and the rebuild writes them in that order. New days' rows are added at
-- the end of the table, so the order holds, and a tenth of each page is kept free for the updates of the day's row
-- (count and amounts change with each document, on the same page).
-- The PL/pgSQL function's semicolons are written \073 (see the order_words migration).

ALTER TABLE "StoreDailyInvoices" SET (fillfactor = 90);
ALTER TABLE "StoreDailyFailures" SET (fillfactor = 90);
CLUSTER "StoreDailyInvoices" USING "StoreDailyInvoices_pkey";
CLUSTER "StoreDailyFailures" USING "StoreDailyFailures_pkey";
ANALYZE "StoreDailyInvoices";
ANALYZE "StoreDailyFailures";

CREATE OR REPLACE FUNCTION "ponte_rebuild_store_rollups"() RETURNS void LANGUAGE plpgsql AS
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
  INSERT INTO "StoreDailyInvoices" (day, "storeId", count, "grossCents", "creditedCents")
  SELECT ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date, "storeId",
         count(*) FILTER (WHERE type <> ''NC'')::int,
         coalesce(sum("amountGrossCents") FILTER (WHERE type <> ''NC''), 0)::bigint,
         coalesce(sum("amountGrossCents") FILTER (WHERE type = ''NC''), 0)::bigint
    FROM "Document" GROUP BY 1, 2 ORDER BY 1, 2\073
END';
