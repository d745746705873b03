// The orders list. One statement per page: orders joined with their store's name and their invoice (at most
// the order's latest: its live invoice, or the last one credited), seeking on (orderedAt, id).
import { z } from "zod";
import { visibleStoreIds, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { InvoiceState, type DocumentType, type JobStatus, type WaitReason } from "@/lib/generated/prisma/enums";
import { decodeCursor, encodeCursor, pageParamsSchema, pageSize, type KeysetPage } from "@/lib/keyset";
import {
  choosePlan,
  countKeysSql,
  nameSearch,
  ordersThroughWordsSql,
  type KeyCounts,
  type NameSearch,
  type SearchCaps,
  type WordScope,
} from "./order-search";

export const invoiceStates = Object.values(InvoiceState);

export const orderSearchSchema = z.object({
  store: z.string().max(40).optional().catch(undefined),
  state: z.enum(InvoiceState).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(["desc", "asc"]).catch("desc").default("desc"),
  ...pageParamsSchema.shape,
});
export type OrderSearch = z.infer<typeof orderSearchSchema>;

export interface OrderRow {
  id: string;
  jumpsellerId: number;
  status: string;
  invoiceState: InvoiceState;
  customerName: string | null;
  nif: string | null;
  totalCents: number;
  currency: string;
  orderedAt: Date;
  paidAt: Date | null;
  store: { id: string; name: string };
  invoice: { type: DocumentType; number: string } | null;
  /** The invoice job, while it waits (for a service or a reconnection) or is at risk of the legal deadline. */
  invoiceJob: { status: JobStatus; waitingFor: WaitReason | null; atRisk: boolean } | null;
}

interface OrderSqlRow extends Omit<OrderRow, "store" | "invoice" | "invoiceJob"> {
  storeId: string;
  storeName: string;
  invoiceType: DocumentType | null;
  invoiceNumber: string | null;
  jobStatus: JobStatus | null;
  jobWaitingFor: WaitReason | null;
  jobAtRisk: boolean | null;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Each kind of query has its own index: an order number or NIF (btree), an e-mail (trigram GIN), a name (the
// word table, see ./order-search.ts). One OR across every column would make PostgreSQL read the whole table.
type SearchKind = { kind: "sql"; filter: Prisma.Sql } | { kind: "name"; search: NameSearch };

function searchKind(raw: string, caps?: SearchCaps): SearchKind {
  const q = raw.trim();
  const digits = q
    .replace(/^#/, "")
    .replace(/^PT/i, "")
    .replace(/[\s.-]+/g, "");
  if (/^\d{1,9}$/.test(digits)) {
    const byNumber = Prisma.sql`o."jumpsellerId" = ${Number(digits)}`;
    return { kind: "sql", filter: digits.length === 9 ? Prisma.sql`(${byNumber} OR o.nif = ${digits})` : byNumber };
  }
  const contains = `%${likeEscape(q)}%`;
  if (q.includes("@")) {
    // The trigram index is asked for the part before the "@" only: a domain (example.com, gmail.com) is in
    // most addresses, and its trigrams would make the index read a large part of itself. The whole text is
    // then checked on the few rows found, by an expression the index cannot take.
    const local = q.slice(0, q.indexOf("@"));
    if (local.replace(/[^\p{L}\p{N}]/gu, "").length >= 3)
      return {
        kind: "sql",
        filter: Prisma.sql`(o."customerEmail" ILIKE ${`%${likeEscape(local)}@%`} AND lower(o."customerEmail") LIKE lower(${contains}))`,
      };
    return { kind: "sql", filter: Prisma.sql`o."customerEmail" ILIKE ${contains}` };
  }
  const byName = nameSearch(q, caps);
  // A text with no letter or digit the word table holds (other scripts, symbols) is matched as it is written.
  if (!byName)
    return {
      kind: "sql",
      filter: Prisma.sql`(o."customerName" ILIKE ${contains} OR o."customerEmail" ILIKE ${contains})`,
    };
  return { kind: "name", search: byName };
}

function filtersFrom(search: OrderSearch, kind: SearchKind | null): Prisma.Sql[] {
  const filters: Prisma.Sql[] = [];
  if (search.store) filters.push(Prisma.sql`o."storeId" = ${search.store}`);
  if (search.state) filters.push(Prisma.sql`o."invoiceState" = ${search.state}::"InvoiceState"`);
  if (kind) filters.push(kind.kind === "sql" ? kind.filter : kind.search.check);
  return filters;
}

// The user's stores as a condition. One store (a merchant, mostly) is an equality, so that its index returns the
// orders already sorted; a few are a list; every store is no condition at all.
function scopeSql(ids: "all" | string[]): Prisma.Sql {
  if (ids === "all") return Prisma.sql`TRUE`;
  if (ids.length === 1) return Prisma.sql`o."storeId" = ${ids[0]}`;
  return ids.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`o."storeId" = ANY(${ids}::text[])`;
}

// The stores a name search reads in the word table: the user's, narrowed to the chosen store.
function wordScope(ids: "all" | string[], store: string | undefined): WordScope {
  if (!store) return ids;
  return ids === "all" || ids.includes(store) ? [store] : [];
}

/** `caps`: the name search's (tests lower them to walk every way a page can be found). */
export async function listOrders(
  user: SessionUser,
  search: OrderSearch,
  { caps }: { caps?: SearchCaps } = {},
): Promise<KeysetPage<OrderRow>> {
  const cursor = decodeCursor(search.cursor);
  const backwards = Boolean(cursor) && search.dir === "prev";
  // Walking back (the "previous" link) reads in the opposite order, then flips the rows.
  const descending = (search.sort === "desc") !== backwards;
  const ids = await visibleStoreIds(user);
  const kind = search.q ? searchKind(search.q, caps) : null;
  const filters = [scopeSql(ids), ...filtersFrom(search, kind)];
  const where = [...filters];
  if (cursor) {
    where.push(
      descending
        ? Prisma.sql`(o."orderedAt", o.id) < (${cursor.at}, ${cursor.id})`
        : Prisma.sql`(o."orderedAt", o.id) > (${cursor.at}, ${cursor.id})`,
    );
  }
  const order = descending ? Prisma.sql`o."orderedAt" DESC, o.id DESC` : Prisma.sql`o."orderedAt" ASC, o.id ASC`;
  let chosen = Prisma.sql`
      SELECT o.* FROM "Order" o
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${order}
      LIMIT ${pageSize + 1}`;
  if (kind?.kind === "name") {
    const scope = wordScope(ids, search.store);
    const [counted] = await db.$queryRaw<[KeyCounts]>(countKeysSql(kind.search, scope));
    const plan = choosePlan(kind.search, counted);
    if (plan.kind !== "orders")
      chosen = ordersThroughWordsSql({ plan, scope, where: filters, cursor, descending, limit: pageSize + 1 });
  }
  // The page's orders are chosen first; their store and invoice are joined to those few rows only.
  const fetched = await db.$queryRaw<OrderSqlRow[]>`
    SELECT o.id, o."jumpsellerId", o.status, o."invoiceState"::text AS "invoiceState", o."customerName", o.nif,
           o."totalCents", o.currency, o."orderedAt", o."paidAt",
           s.id AS "storeId", s.name AS "storeName", d.type::text AS "invoiceType", d.number AS "invoiceNumber",
           j.status::text AS "jobStatus", j."waitingFor"::text AS "jobWaitingFor", j."atRiskAt" IS NOT NULL AS "jobAtRisk"
    FROM (${chosen}) o
    JOIN "Store" s ON s.id = o."storeId"
    LEFT JOIN LATERAL (
      SELECT type, number FROM "Document"
      WHERE "orderId" = o.id AND type <> 'NC'
      ORDER BY "issuedAt" DESC, id DESC LIMIT 1
    ) d ON TRUE
    LEFT JOIN LATERAL (
      SELECT status, "waitingFor", "atRiskAt" FROM "Job"
      WHERE "orderId" = o.id AND kind = 'invoice_order' ORDER BY "createdAt" DESC LIMIT 1
    ) j ON TRUE
    ORDER BY ${order}`;

  const hasMore = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize).map(toOrderRow);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    next: (backwards || hasMore) && last ? encodeCursor({ at: last.orderedAt, id: last.id }) : null,
    prev: (backwards ? hasMore : cursor !== null) && first ? encodeCursor({ at: first.orderedAt, id: first.id }) : null,
  };
}

function toOrderRow(row: OrderSqlRow): OrderRow {
  const { storeId, storeName, invoiceType, invoiceNumber, jobStatus, jobWaitingFor, jobAtRisk, ...order } = row;
  const unfinished = jobStatus !== null && !["succeeded", "skipped", "failed"].includes(jobStatus);
  return {
    ...order,
    store: { id: storeId, name: storeName },
    invoice: invoiceType && invoiceNumber ? { type: invoiceType, number: invoiceNumber } : null,
    invoiceJob: unfinished ? { status: jobStatus, waitingFor: jobWaitingFor, atRisk: Boolean(jobAtRisk) } : null,
  };
}
