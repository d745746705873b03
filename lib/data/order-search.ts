// The orders list's name search, read from the OrderWord table (prisma/migrations/*_order_words): a search such as
// "maria sil" finds the orders whose customer name or e-mail address (before the @) holds those words in that
// order, the last one begun ("Maria Silva", "maria.silveira@…"), ignoring case and accents. Words are runs of
// letters or of digits; the split here must equal ponte_search_tokens in the migration (a test checks it).
//
// How a page is found without reading a common name's whole history: each word of the search, and each pair of
// adjacent words, is a key of the table. The keys are counted, up to a cap, within the user's stores; the rarest
// key whose count is under the cap gives every candidate (sorted by date, then checked against the whole search).
// When every key is common, the search walks an exact key's rows newest first (a common match is met within a
// few hundred rows). One common begun word has no exact key: the words it stands for are listed (SearchWord)
// and their rows walked newest first, merged, so a page reads about its own rows whatever the word's history.
// (Walking the orders newest first and checking each instead lets the planner check every order of the scope,
// seconds at a million orders.)
import { Prisma } from "@/lib/generated/prisma/client";

const accented = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ";
const plain = "abcdefghijklmnopqrstuvwxyzaaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyy";
const fold = new Map([...accented].map((c, i) => [c, plain[i]!]));
const WORD_LENGTH = 30;

/** The words of a text as the search sees them: "João Silva-123" → ["joao", "silva", "123"]. */
export function searchTokens(text: string): string[] {
  const folded = [...text].map((c) => fold.get(c) ?? c).join("");
  return folded.match(/[a-z]+|[0-9]+/g) ?? [];
}

interface Key {
  text: string;
  /** Rows whose word starts with `text` (the search's last word, still being typed), else equal to it. */
  prefix: boolean;
}

const isLetters = (word: string) => /^[a-z]/.test(word);

// The keys every matching order has: each word but the last whole, the last begun, and the pairs of adjacent
// words of letters (the last pair begun).
function keysOf(tokens: string[]): Key[] {
  const words = tokens.map((t) => t.slice(0, WORD_LENGTH));
  const keys: Key[] = words.map((text, i) => ({ text, prefix: i === words.length - 1 }));
  for (let i = 0; i + 1 < words.length; i++) {
    if (isLetters(words[i]!) && isLetters(words[i + 1]!))
      keys.push({ text: `${words[i]} ${words[i + 1]}`, prefix: i + 1 === words.length - 1 });
  }
  return keys;
}

// The first text after every text that starts with `prefix` (made of a–z, 0–9 and spaces), or null when none
// is needed. Only letters and digits are raised, so the bound means the same in any collation.
function upperBound(prefix: string): string | null {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const c = prefix[i]!;
    if (c === "z" || c === " ") continue;
    return prefix.slice(0, i) + (c === "9" ? "a" : String.fromCharCode(c.charCodeAt(0) + 1));
  }
  return null;
}

function keyFilter(key: Key): Prisma.Sql {
  if (!key.prefix) return Prisma.sql`w.word = ${key.text}`;
  const upper = upperBound(key.text);
  // A begun word is looked for among the words, a begun pair among the pairs (a pair holds a space).
  const kind = key.text.includes(" ") ? Prisma.empty : Prisma.sql`AND strpos(w.word, ' ') = 0`;
  return Prisma.sql`w.word >= ${key.text} ${upper ? Prisma.sql`AND w.word < ${upper}` : Prisma.empty}
    AND left(w.word, ${key.text.length}) = ${key.text} ${kind}`;
}

/** The stores a search reads: every store, or these (none: nothing). */
export type WordScope = "all" | string[];

function scopeFilter(scope: WordScope): Prisma.Sql {
  if (scope === "all") return Prisma.sql`TRUE`;
  if (scope.length === 1) return Prisma.sql`w."storeId" = ${scope[0]}`;
  return scope.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`w."storeId" = ANY(${scope}::text[])`;
}

/** How many rows of a key are read as candidates at most: for a search of one begun word (every row is a match,
 * so only the page's orders are read; above it, its words are walked merged, which reads about a page) and for
 * longer ones (each candidate's order is read and checked). Counting up to the cap is itself a read of that many
 * index rows, on every page. `mergedWords`: how many words one begun word may stand for and still be walked
 * word by word; one that stands for more (a letter or two) matches so many orders that the orders themselves
 * are read newest first and checked. */
export interface SearchCaps {
  oneWord: number;
  checked: number;
  mergedWords: number;
}
export const searchCaps: SearchCaps = { oneWord: 5_000, checked: 5_000, mergedWords: 100 };

export interface NameSearch {
  /** Checks an order row `o` against the whole search. */
  check: Prisma.Sql;
  keys: Key[];
  cap: number;
  mergedWords: number;
}

/** The name search for `q`, or null when it has no word the table holds (then the caller matches the text). */
export function nameSearch(q: string, caps: SearchCaps = searchCaps): NameSearch | null {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return null;
  const pattern = `% ${tokens.join(" ")}%`;
  return {
    check: Prisma.sql`ponte_search_text(o."customerName", o."customerEmail") LIKE ${pattern}`,
    keys: keysOf(tokens),
    cap: tokens.length === 1 ? caps.oneWord : caps.checked,
    mergedWords: caps.mergedWords,
  };
}

/** What the plan is chosen from: each key's rows within the scope, counted up to the search's cap, and, for a
 * search of one begun word, the words it stands for (up to one more than the search's `mergedWords`). */
export interface KeyCounts {
  counts: number[];
  words: string[] | null;
}

export function countKeysSql(search: NameSearch, scope: WordScope): Prisma.Sql {
  const counts = search.keys.map(
    (key) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "OrderWord" w
      WHERE ${scopeFilter(scope)} AND ${keyFilter(key)} LIMIT ${search.cap}) x)`,
  );
  const [only] = search.keys;
  const words =
    search.keys.length === 1 && only!.prefix
      ? Prisma.sql`ARRAY(SELECT w.word FROM "SearchWord" w WHERE ${keyFilter(only!)}
          ORDER BY w.word LIMIT ${search.mergedWords + 1})`
      : Prisma.sql`NULL::text[]`;
  return Prisma.sql`SELECT ARRAY[${Prisma.join(counts)}] AS counts, ${words} AS words`;
}

export type SearchPlan =
  /** Every row of `key`: fewer than the cap. Those whose order also holds the exact key `also` are read. */
  | { kind: "candidates"; key: Key; also: Key | null }
  /** `key`'s rows newest first (an exact key: its index gives them in date order). */
  | { kind: "walk"; key: Key }
  /** Each word's rows newest first, merged: the words one begun word stands for. */
  | { kind: "merge"; words: string[] }
  /** The orders of the scope newest first, each checked: a begun word standing for more words than are merged. */
  | { kind: "orders" };

export function choosePlan(search: NameSearch, { counts, words }: KeyCounts): SearchPlan {
  let rarest = 0;
  counts.forEach((n, i) => {
    if (n < counts[rarest]!) rarest = i;
  });
  if (counts[rarest]! < search.cap)
    return { kind: "candidates", key: search.keys[rarest]!, also: alsoKey(search, counts, rarest) };
  // Every key is common: walk the last exact one (a pair, when there is one, is the rarest).
  const exact = search.keys.filter((k) => !k.prefix).at(-1);
  if (exact) return { kind: "walk", key: exact };
  if (words && words.length > search.mergedWords) return { kind: "orders" };
  if (words && words.length > 0) return { kind: "merge", words };
  return { kind: "candidates", key: search.keys[rarest]!, also: null };
}

// The rarest exact key that the candidates' key does not already imply (a pair implies its two words): a
// candidate without it is dropped by one probe of the primary key, before its order is read and checked.
function alsoKey(search: NameSearch, counts: number[], chosen: number): Key | null {
  const key = search.keys[chosen]!;
  const implied = key.text.includes(" ") ? key.text.split(" ") : [];
  let also: number | null = null;
  search.keys.forEach((k, i) => {
    if (i === chosen || k.prefix || implied.includes(k.text)) return;
    if (also === null || counts[i]! < counts[also]!) also = i;
  });
  return also === null ? null : search.keys[also]!;
}

interface PlanQuery {
  plan: Exclude<SearchPlan, { kind: "orders" }>;
  scope: WordScope;
  /** Conditions on the order row `o` (the search's check among them). */
  where: Prisma.Sql[];
  cursor: { at: Date; id: string } | null;
  descending: boolean;
  limit: number;
}

/** The page's orders (`o.*`) through the word table, in (orderedAt, id) order. */
export function ordersThroughWordsSql({ plan, scope, where, cursor, descending, limit }: PlanQuery): Prisma.Sql {
  const seek = cursor
    ? descending
      ? Prisma.sql`AND (w."orderedAt", w."orderId") < (${cursor.at}, ${cursor.id})`
      : Prisma.sql`AND (w."orderedAt", w."orderId") > (${cursor.at}, ${cursor.id})`
    : Prisma.empty;
  const dir = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const conditions = Prisma.join(where, " AND ");
  if (plan.kind === "merge") {
    // Each word's rows come in date order from an index (the word's, or one store's and the word's): PostgreSQL
    // merges them, drops an order met twice (two of its words begin the same), and reads each candidate's order
    // in that order until the page is full. The lateral read keeps that order: never every candidate joined.
    const walks = plan.words.map(
      (word) => Prisma.sql`(SELECT w."orderedAt", w."orderId" FROM "OrderWord" w
        WHERE ${scopeFilter(scope)} AND w.word = ${word} ${seek}
        ORDER BY w."orderedAt" ${dir}, w."orderId" ${dir})`,
    );
    return Prisma.sql`
      SELECT o.* FROM (
        SELECT DISTINCT m."orderedAt", m."orderId" FROM (${Prisma.join(walks, " UNION ALL ")}) m
        ORDER BY m."orderedAt" ${dir}, m."orderId" ${dir}
      ) c CROSS JOIN LATERAL (SELECT o.* FROM "Order" o WHERE o.id = c."orderId" AND ${conditions} OFFSET 0) o
      ORDER BY c."orderedAt" ${dir}, c."orderId" ${dir} LIMIT ${limit}`;
  }
  if (plan.kind === "walk") {
    return Prisma.sql`
      SELECT o.* FROM "OrderWord" w JOIN "Order" o ON o.id = w."orderId"
      WHERE ${scopeFilter(scope)} AND ${keyFilter(plan.key)} ${seek} AND ${conditions}
      ORDER BY w."orderedAt" ${dir}, w."orderId" ${dir} LIMIT ${limit}`;
  }
  // A begun word may match two words of one order: each order once. The candidates are sorted before the orders
  // are read, so that a page whose first candidates match reads only its own orders.
  const also = plan.also
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "OrderWord" x WHERE x."storeId" = w."storeId" AND x.word = ${plan.also.text}
        AND x."orderedAt" = w."orderedAt" AND x."orderId" = w."orderId")`
    : Prisma.empty;
  return Prisma.sql`
    SELECT o.* FROM (
      SELECT DISTINCT w."orderId", w."orderedAt" FROM "OrderWord" w
      WHERE ${scopeFilter(scope)} AND ${keyFilter(plan.key)} ${seek} ${also}
      ORDER BY w."orderedAt" ${dir}, w."orderId" ${dir}
    ) c JOIN "Order" o ON o.id = c."orderId"
    WHERE ${conditions}
    ORDER BY c."orderedAt" ${dir}, c."orderId" ${dir} LIMIT ${limit}`;
}
