-- The words (never the pairs) the orders' name search has ever held, once each: a search of one begun word
-- ("silv") lists here the words it stands for (silva, silveira, silvestre) and walks each one's rows in the
-- OrderWord index newest first, merged, instead of reading every row of every matching word. A word whose
-- orders are gone stays listed (its walk finds nothing): the list only grows, by the same trigger that keeps
-- OrderWord, in the order's transaction.
-- The PL/pgSQL functions' semicolons are written \073 (see the order_words migration).

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

CREATE OR REPLACE FUNCTION "ponte_order_words_sync"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE words text[]\073
BEGIN
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    DELETE FROM "OrderWord"
     WHERE "storeId" = OLD."storeId" AND word = ANY("ponte_order_words"(OLD."customerName", OLD."customerEmail"))
       AND "orderedAt" = OLD."orderedAt" AND "orderId" = OLD.id\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    words := "ponte_order_words"(NEW."customerName", NEW."customerEmail")\073
    INSERT INTO "OrderWord" ("storeId", word, "orderedAt", "orderId")
    SELECT NEW."storeId", unnest(words), NEW."orderedAt", NEW.id\073
    -- In the words'' order, so that two orders bringing the same new words lock them in the same order.
    INSERT INTO "SearchWord" (word)
    SELECT w FROM unnest(words) w WHERE strpos(w, '' '') = 0 ORDER BY w
    ON CONFLICT DO NOTHING\073
  END IF\073
  RETURN NULL\073
END';

CREATE OR REPLACE FUNCTION "ponte_rebuild_order_words"() RETURNS void LANGUAGE plpgsql AS
  E'BEGIN
  LOCK TABLE "Order" IN SHARE MODE\073
  SET LOCAL maintenance_work_mem = ''256MB''\073
  ALTER TABLE "OrderWord" DROP CONSTRAINT "OrderWord_pkey"\073
  DROP INDEX "OrderWord_word_orderedAt_orderId_storeId_idx"\073
  TRUNCATE "OrderWord"\073
  INSERT INTO "OrderWord" ("storeId", word, "orderedAt", "orderId")
  SELECT o."storeId", unnest("ponte_order_words"(o."customerName", o."customerEmail")), o."orderedAt", o.id
    FROM "Order" o\073
  ALTER TABLE "OrderWord" ADD CONSTRAINT "OrderWord_pkey" PRIMARY KEY ("storeId", word, "orderedAt", "orderId")\073
  CREATE INDEX "OrderWord_word_orderedAt_orderId_storeId_idx" ON "OrderWord" (word, "orderedAt", "orderId", "storeId")\073
  PERFORM "ponte_rebuild_search_words"()\073
END';

CREATE FUNCTION "ponte_rebuild_search_words"() RETURNS void LANGUAGE sql AS
  $$INSERT INTO "SearchWord" (word)
    SELECT DISTINCT word FROM "OrderWord" WHERE strpos(word, ' ') = 0
    ON CONFLICT DO NOTHING$$;

SELECT "ponte_rebuild_search_words"();

ANALYZE "SearchWord";
