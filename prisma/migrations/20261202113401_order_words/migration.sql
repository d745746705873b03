-- The orders list's name search reads one narrow row per order and word instead of matching every name: each
-- word of the customer's name and e-mail address (before the @), and each pair of adjacent words, with the
-- order's store and date. Words are runs of letters or of digits, lower-cased with the accents of Latin letters
-- removed (lib/data/order-search.ts splits a search the same way, and a test checks both agree), a word is kept to
-- its first 30 characters. Row triggers on Order keep the table exact in the same transaction as each change.
-- The PL/pgSQL functions' semicolons are written \073 (octal, in an E'' string): the migration runner used on machines
-- without Prisma's native engine (lib/migrate.ts) splits scripts at every semicolon.

-- CreateTable
CREATE TABLE "OrderWord" (
    "storeId" TEXT NOT NULL,
    "word" TEXT NOT NULL,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "orderId" TEXT NOT NULL,

    CONSTRAINT "OrderWord_pkey" PRIMARY KEY ("storeId","word","orderedAt","orderId")
);

-- CreateIndex
CREATE INDEX "OrderWord_word_orderedAt_orderId_storeId_idx" ON "OrderWord"("word", "orderedAt", "orderId", "storeId");

CREATE FUNCTION "ponte_search_tokens"(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$SELECT array_remove(regexp_split_to_array(regexp_replace(
       CASE WHEN t ~ '[^ -~]' THEN translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ', 'abcdefghijklmnopqrstuvwxyzaaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyy') ELSE lower(coalesce(t, '')) END,
       '([a-z])(?=[0-9])|([0-9])(?=[a-z])', '\1\2 ', 'g'), '[^a-z0-9]+'), '')$$;

-- An order's words and pairs of adjacent words (a pair only of words of letters: "maria silva", not "silva 123").
CREATE FUNCTION "ponte_order_words"(name text, email text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
  E'DECLARE words text[] := ''{}''\073 tokens text[]\073 n int\073
BEGIN
  FOR side IN 1 .. 2 LOOP
    tokens := "ponte_search_tokens"(CASE side WHEN 1 THEN name ELSE split_part(email, ''@'', 1) END)\073
    n := coalesce(array_length(tokens, 1), 0)\073
    FOR i IN 1 .. n LOOP
      words := words || left(tokens[i], 30)\073
      IF i < n AND tokens[i] ~ ''^[a-z]'' AND tokens[i + 1] ~ ''^[a-z]'' THEN
        words := words || (left(tokens[i], 30) || '' '' || left(tokens[i + 1], 30))\073
      END IF\073
    END LOOP\073
  END LOOP\073
  RETURN ARRAY(SELECT DISTINCT w FROM unnest(words) w ORDER BY w)\073
END';

-- What a search is checked against: the name's words, then the e-mail's, each word preceded by a space: a search
-- for "maria sil" matches when ' maria sil' occurs in it (whole words, the last one begun) and never across the two.
CREATE FUNCTION "ponte_search_text"(name text, email text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$SELECT ' ' || array_to_string("ponte_search_tokens"(name), ' ') || ' | '
      || array_to_string("ponte_search_tokens"(split_part(email, '@', 1)), ' ') || ' '$$;

CREATE FUNCTION "ponte_order_words_sync"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    DELETE FROM "OrderWord"
     WHERE "storeId" = OLD."storeId" AND word = ANY("ponte_order_words"(OLD."customerName", OLD."customerEmail"))
       AND "orderedAt" = OLD."orderedAt" AND "orderId" = OLD.id\073
  END IF\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    INSERT INTO "OrderWord" ("storeId", word, "orderedAt", "orderId")
    SELECT NEW."storeId", unnest("ponte_order_words"(NEW."customerName", NEW."customerEmail")), NEW."orderedAt", NEW.id\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION "ponte_order_words_truncate"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
  TRUNCATE "OrderWord"\073
  RETURN NULL\073
END';

CREATE TRIGGER "Order_words_insert" AFTER INSERT ON "Order"
  FOR EACH ROW EXECUTE FUNCTION "ponte_order_words_sync"();

CREATE TRIGGER "Order_words_update" AFTER UPDATE OF "customerName", "customerEmail", "orderedAt", "storeId" ON "Order"
  FOR EACH ROW WHEN (OLD."customerName" IS DISTINCT FROM NEW."customerName"
                     OR OLD."customerEmail" IS DISTINCT FROM NEW."customerEmail"
                     OR OLD."orderedAt" IS DISTINCT FROM NEW."orderedAt" OR OLD."storeId" IS DISTINCT FROM NEW."storeId")
  EXECUTE FUNCTION "ponte_order_words_sync"();

CREATE TRIGGER "Order_words_delete" AFTER DELETE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION "ponte_order_words_sync"();

CREATE TRIGGER "Order_words_truncate" AFTER TRUNCATE ON "Order"
  FOR EACH STATEMENT EXECUTE FUNCTION "ponte_order_words_truncate"();

-- Recomputes the table from the orders (here, and in the benchmark after a bulk load without triggers): the
-- indexes are dropped while it loads and built once at the end, several times faster than row by row.
CREATE FUNCTION "ponte_rebuild_order_words"() RETURNS void LANGUAGE plpgsql AS
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
END';

SELECT "ponte_rebuild_order_words"();

ANALYZE "OrderWord";
