-- CreateTable
CREATE TABLE "DistanceSales" (
    "storeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "country" TEXT NOT NULL,
    "netCents" BIGINT NOT NULL DEFAULT 0,
    "documents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DistanceSales_pkey" PRIMARY KEY ("storeId","year","country")
);

-- AddForeignKey
ALTER TABLE "DistanceSales" ADD CONSTRAINT "DistanceSales_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The country whose consumer a document sold to at a distance, or NULL: another member state's VAT on it
-- (OSS), or Portuguese VAT on an order delivered in another member state (a distance sale under the threshold,
-- which would have had that state's VAT with OSS). Exempt documents (intra-EU B2B, exports) have no VAT and do
-- not count. A credit note counts (negatively) when the invoice it credits does. Test-mode documents have no
-- legal value. The member states are lib/invoicing/territories.ts's EU_MEMBER_STATES (a unit test compares).
CREATE FUNCTION ponte_distance_sale_country(taxes JSONB, lines JSONB, order_country TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(
    (SELECT t->>'country' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(taxes) = 'array' THEN taxes ELSE '[]'::jsonb END) t
      WHERE t->>'country' IS NOT NULL AND t->>'country' <> 'PT' AND COALESCE((t->>'vatCents')::numeric, 0) <> 0 LIMIT 1),
    CASE WHEN order_country = ANY (ARRAY['AT','BE','BG','CY','CZ','DE','DK','EE','ES','FI','FR','GR','HR','HU','IE',
                                         'IT','LT','LU','LV','MT','NL','PL','RO','SE','SI','SK'])
      AND (EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(taxes) = 'array' THEN taxes ELSE '[]'::jsonb END) t
                   WHERE COALESCE((t->>'vatCents')::numeric, 0) <> 0)
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(lines) = 'array' THEN lines ELSE '[]'::jsonb END) l
                   WHERE COALESCE((l->>'taxRate')::numeric, 0) <> 0))
      THEN order_country END)
$$;

-- The body is an E string with \073 for each semicolon, which the migration runner would split the script at.
CREATE FUNCTION ponte_count_distance_sale() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE buyer_country TEXT\073 sold_to TEXT\073 invoice RECORD\073
BEGIN
  IF NEW.mode <> ''normal'' THEN RETURN NEW\073 END IF\073
  SELECT o.country INTO buyer_country FROM "Order" o WHERE o.id = NEW."orderId"\073
  IF NEW.type = ''NC'' AND NEW."creditsId" IS NOT NULL THEN
    SELECT d.taxes, d.lines, d.mode, o.country AS oc INTO invoice
      FROM "Document" d LEFT JOIN "Order" o ON o.id = d."orderId" WHERE d.id = NEW."creditsId"\073
    IF invoice.mode IS DISTINCT FROM ''normal'' THEN RETURN NEW\073 END IF\073
    sold_to := ponte_distance_sale_country(invoice.taxes, invoice.lines, invoice.oc)\073
  ELSE
    sold_to := ponte_distance_sale_country(NEW.taxes, NEW.lines, buyer_country)\073
  END IF\073
  IF sold_to IS NULL THEN RETURN NEW\073 END IF\073
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

CREATE TRIGGER "Document_distance_sales" AFTER INSERT ON "Document"
  FOR EACH ROW EXECUTE FUNCTION ponte_count_distance_sale();

-- The documents already issued.
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
    ELSE ponte_distance_sale_country(d.taxes, d.lines, o.country) END AS country) x
WHERE d.mode = 'normal' AND x.country IS NOT NULL
GROUP BY 1, 2, 3;
