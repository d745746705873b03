// Keyset ("seek") pagination on (timestamp, id): each page starts after the last row of the previous one,
// so page 1000 costs what page 1 costs and no query ever counts the whole table.
import { z } from "zod";

export const pageSize = 50;

export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  return id && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/** The URL half of a keyset page: where to start and which way to walk. */
export const pageParamsSchema = z.object({
  cursor: z.string().max(200).optional().catch(undefined),
  dir: z.enum(["next", "prev"]).catch("next").default("next"),
});

export interface KeysetPlan<F extends string> {
  where: Record<string, unknown> | undefined;
  orderBy: Record<string, "asc" | "desc">[];
  take: number;
  backwards: boolean;
  cursor: Cursor | null;
  field: F;
}

/**
 * Builds the seek condition and order. `descending` is the order shown on screen; walking backwards (the
 * "previous" link) queries in the opposite order and reverses the rows afterwards.
 */
export function planKeyset<F extends string>(
  field: F,
  descending: boolean,
  page: z.infer<typeof pageParamsSchema>,
): KeysetPlan<F> {
  const cursor = decodeCursor(page.cursor);
  const backwards = Boolean(cursor) && page.dir === "prev";
  const queryDesc = descending !== backwards;
  const op = queryDesc ? "lt" : "gt";
  // The first condition is implied by the second, but it is the one an index range can start from: without it,
  // a page deep in the history would read every row before it.
  const where = cursor
    ? {
        AND: [
          { [field]: { [`${op}e`]: cursor.at } },
          { OR: [{ [field]: { [op]: cursor.at } }, { [field]: cursor.at, id: { [op]: cursor.id } }] },
        ],
      }
    : undefined;
  const direction = queryDesc ? "desc" : "asc";
  return { where, orderBy: [{ [field]: direction }, { id: direction }], take: pageSize + 1, backwards, cursor, field };
}

/**
 * A findMany's where, orderBy and take for one page of the plan, the filters joined by AND with the page's
 * position. Where and OrderBy are the model's Prisma input types (the plan is written for any model).
 */
export function keysetQuery<Where, OrderBy>(plan: KeysetPlan<string>, filters: Where[]) {
  const where = plan.where ? [...filters, plan.where as Where] : filters;
  return { where: { AND: where }, orderBy: plan.orderBy as OrderBy[], take: plan.take };
}

export interface KeysetPage<T> {
  rows: T[];
  /** Cursor for the following page, or null on the last one. */
  next: string | null;
  /** Cursor for the preceding page, or null on the first one. */
  prev: string | null;
}

export function finishKeyset<T extends { id: string }>(
  plan: KeysetPlan<string>,
  fetched: T[],
  cursorOf: (row: T) => Date,
): KeysetPage<T> {
  const hasMore = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize);
  if (plan.backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const moreAfter = plan.backwards ? true : hasMore;
  const moreBefore = plan.backwards ? hasMore : plan.cursor !== null;
  return {
    rows,
    next: moreAfter && last ? encodeCursor({ at: cursorOf(last), id: last.id }) : null,
    prev: moreBefore && first ? encodeCursor({ at: cursorOf(first), id: first.id }) : null,
  };
}

/** A page's searchParams, as Next hands them over. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Next's searchParams values may repeat (the first wins); empty ones (an "all" filter) are dropped. */
export function firstValues(params: Awaited<SearchParams>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== "") out[key] = first;
  }
  return out;
}
