-- The OSS threshold counts distance sales to consumers only. A Portuguese company (a NIF beginning with 5, or
-- 8 for the old sole-trader numbers: how the invoicing engine reads a buyer as a company, lib/invoicing/oss.ts)
-- buying goods delivered in another member state is a taxable person: its sale, invoiced with Portuguese VAT, is
-- no distance sale. The buyer is the order's, as corrected in Ponte when it was (OrderCorrection).
CREATE FUNCTION ponte_buyer_is_pt_company(order_id TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
  SELECT COALESCE((
    SELECT CASE WHEN c."consumidorFinal" THEN false
                ELSE regexp_replace(upper(COALESCE(c."taxId", o.nif, '')), '^PT', '') ~ '^[58][0-9]{8}$' END
    FROM "Order" o LEFT JOIN "OrderCorrection" c ON c."orderId" = o.id
    WHERE o.id = order_id), false)
$$;

-- The body is an E string with \073 for each semicolon, which the migration runner would split the script at.
CREATE OR REPLACE FUNCTION ponte_count_distance_sale() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE buyer_country TEXT\073 sold_to TEXT\073 invoice RECORD\073 buyer_order TEXT\073
BEGIN
  IF NEW.mode <> ''normal'' THEN RETURN NEW\073 END IF\073
  SELECT o.country INTO buyer_country FROM "Order" o WHERE o.id = NEW."orderId"\073
  IF NEW.type = ''NC'' AND NEW."creditsId" IS NOT NULL THEN
    SELECT d.taxes, d.lines, d.mode, d."orderId" AS oid, o.country AS oc INTO invoice
      FROM "Document" d LEFT JOIN "Order" o ON o.id = d."orderId" WHERE d.id = NEW."creditsId"\073
    IF invoice.mode IS DISTINCT FROM ''normal'' THEN RETURN NEW\073 END IF\073
    sold_to := ponte_distance_sale_country(invoice.taxes, invoice.lines, invoice.oc)\073
    buyer_order := invoice.oid\073
  ELSE
    sold_to := ponte_distance_sale_country(NEW.taxes, NEW.lines, buyer_country)\073
    buyer_order := NEW."orderId"\073
  END IF\073
  IF sold_to IS NULL OR ponte_buyer_is_pt_company(buyer_order) THEN RETURN NEW\073 END IF\073
  INSERT INTO "DistanceSales" ("storeId", year, country, "netCents", documents)
  VALUES (NEW."storeId",
          EXTRACT(YEAR FROM (NEW."issuedAt" AT TIME ZONE ''UTC'') AT TIME ZONE ''Europe/Lisbon'')::int,
          sold_to,
          CASE WHEN NEW.type = ''NC'' THEN -NEW."amountNetCents" ELSE NEW."amountNetCents" END,
          1)
  ON CONFLICT ("storeId", year, country) DO UPDATE
    SET "netCents" = "DistanceSales"."netCents" + EXCLUDED."netCents",
        documents = "DistanceSales".documents + 1\073
  RETURN NEW\073
END';

-- The rollup again, without the companies' sales.
DELETE FROM "DistanceSales";
INSERT INTO "DistanceSales" ("storeId", year, country, "netCents", documents)
SELECT d."storeId", EXTRACT(YEAR FROM (d."issuedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Lisbon')::int, x.country,
       SUM(CASE WHEN d.type = 'NC' THEN -d."amountNetCents" ELSE d."amountNetCents" END), COUNT(*)
FROM "Document" d
LEFT JOIN "Order" o ON o.id = d."orderId"
LEFT JOIN "Document" inv ON inv.id = d."creditsId" AND d.type = 'NC'
LEFT JOIN "Order" io ON io.id = inv."orderId"
CROSS JOIN LATERAL (SELECT CASE
    WHEN d.type = 'NC' AND d."creditsId" IS NOT NULL THEN
      CASE WHEN inv.mode = 'normal' THEN ponte_distance_sale_country(inv.taxes, inv.lines, io.country) END
    ELSE ponte_distance_sale_country(d.taxes, d.lines, o.country) END AS country,
  CASE WHEN d.type = 'NC' AND d."creditsId" IS NOT NULL THEN inv."orderId" ELSE d."orderId" END AS buyer_order) x
WHERE d.mode = 'normal' AND x.country IS NOT NULL AND NOT ponte_buyer_is_pt_company(x.buyer_order)
GROUP BY 1, 2, 3;
