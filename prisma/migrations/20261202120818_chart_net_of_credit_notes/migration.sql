-- AlterTable
ALTER TABLE "StoreDailyInvoices" ADD COLUMN     "creditedCents" BIGINT NOT NULL DEFAULT 0;

-- Credit notes (NC) per store and Lisbon day, kept by the same statement-level trigger as the invoices, so the
-- overview chart's invoiced amount is net of them on the day they were issued. Semicolons inside the functions
-- are written \073 (see 20261202050541_store_rollups).
DROP FUNCTION "ponte_daily_invoices_add"(date[], text[], int[], bigint[]);

CREATE FUNCTION "ponte_daily_invoices_add"(days date[], ids text[], ns int[], grosses bigint[], credits bigint[]) RETURNS void LANGUAGE plpgsql AS
  E'BEGIN
  INSERT INTO "StoreDailyInvoices" (day, "storeId", count, "grossCents", "creditedCents")
  SELECT c.day, c.id, c.n, c.gross, c.credit FROM unnest(days, ids, ns, grosses, credits) AS c(day, id, n, gross, credit)
    JOIN "Store" s ON s.id = c.id
   ORDER BY c.day, c.id
  ON CONFLICT (day, "storeId") DO UPDATE SET count = "StoreDailyInvoices".count + EXCLUDED.count,
    "grossCents" = "StoreDailyInvoices"."grossCents" + EXCLUDED."grossCents",
    "creditedCents" = "StoreDailyInvoices"."creditedCents" + EXCLUDED."creditedCents"\073
END';

-- Each changed document as (store, Lisbon day, ±1): an invoice adds to count and grossCents, a credit note to
-- creditedCents.
CREATE OR REPLACE FUNCTION "ponte_rollup_documents"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE days date[]\073 ids text[]\073 ns int[]\073 grosses bigint[]\073 credits bigint[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(t.day), array_agg(t.id), array_agg(t.n), array_agg(t.gross), array_agg(t.credit) INTO days, ids, ns, grosses, credits
      FROM (SELECT c.day, c.id, sum(c.sign * c.invoice)::int AS n, sum(c.sign * c.invoice * c.gross)::bigint AS gross, sum(c.sign * (1 - c.invoice) * c.gross)::bigint AS credit
              FROM (SELECT "storeId" AS id, ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date AS day, 1 AS sign, (type <> ''NC'')::int AS invoice, "amountGrossCents" AS gross FROM new_rows) c
             GROUP BY c.day, c.id HAVING sum(c.sign * c.invoice) <> 0 OR sum(c.sign * c.invoice * c.gross) <> 0 OR sum(c.sign * (1 - c.invoice) * c.gross) <> 0) t\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(t.day), array_agg(t.id), array_agg(t.n), array_agg(t.gross), array_agg(t.credit) INTO days, ids, ns, grosses, credits
      FROM (SELECT c.day, c.id, sum(c.sign * c.invoice)::int AS n, sum(c.sign * c.invoice * c.gross)::bigint AS gross, sum(c.sign * (1 - c.invoice) * c.gross)::bigint AS credit
              FROM (SELECT "storeId" AS id, ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date AS day, -1 AS sign, (type <> ''NC'')::int AS invoice, "amountGrossCents" AS gross FROM old_rows) c
             GROUP BY c.day, c.id HAVING sum(c.sign * c.invoice) <> 0 OR sum(c.sign * c.invoice * c.gross) <> 0 OR sum(c.sign * (1 - c.invoice) * c.gross) <> 0) t\073
  ELSE
    SELECT array_agg(t.day), array_agg(t.id), array_agg(t.n), array_agg(t.gross), array_agg(t.credit) INTO days, ids, ns, grosses, credits
      FROM (SELECT c.day, c.id, sum(c.sign * c.invoice)::int AS n, sum(c.sign * c.invoice * c.gross)::bigint AS gross, sum(c.sign * (1 - c.invoice) * c.gross)::bigint AS credit
              FROM (SELECT "storeId" AS id, ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date AS day, 1 AS sign, (type <> ''NC'')::int AS invoice, "amountGrossCents" AS gross FROM new_rows
                    UNION ALL SELECT "storeId" AS id, ("issuedAt" AT TIME ZONE ''UTC'' AT TIME ZONE ''Europe/Lisbon'')::date AS day, -1 AS sign, (type <> ''NC'')::int AS invoice, "amountGrossCents" AS gross FROM old_rows) c
             GROUP BY c.day, c.id HAVING sum(c.sign * c.invoice) <> 0 OR sum(c.sign * c.invoice * c.gross) <> 0 OR sum(c.sign * (1 - c.invoice) * c.gross) <> 0) t\073
  END IF\073
  IF ids IS NOT NULL THEN PERFORM "ponte_daily_invoices_add"(days, ids, ns, grosses, credits)\073 END IF\073
  RETURN NULL\073
END';

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
    FROM "Document" GROUP BY 1, 2\073
END';

-- The credit notes already on record.
INSERT INTO "StoreDailyInvoices" (day, "storeId", "creditedCents")
SELECT ("issuedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Lisbon')::date, "storeId", sum("amountGrossCents")::bigint
FROM "Document" WHERE type = 'NC'
GROUP BY 1, 2
ON CONFLICT (day, "storeId") DO UPDATE SET "creditedCents" = EXCLUDED."creditedCents";
