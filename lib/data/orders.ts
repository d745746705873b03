// The orders list. One statement per page: orders joined with their store's name and their invoice (at most
// one per order, enforced by Document.invoiceForOrderId being unique), seeking on (orderedAt, id).
import { z } from "zod";
import { storeScopeSql, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { InvoiceState, type DocumentType } from "@/lib/generated/prisma/enums";
import { decodeCursor, encodeCursor, pageParamsSchema, pageSize, type KeysetPage } from "@/lib/keyset";

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
}

interface OrderSqlRow extends Omit<OrderRow, "store" | "invoice"> {
  storeId: string;
  storeName: string;
  invoiceType: DocumentType | null;
  invoiceNumber: string | null;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Each kind of query has its own index: an order number or NIF (btree), an e-mail or a name (trigram GIN).
// One OR across every column would make PostgreSQL read the whole table.
function searchFilter(raw: string): Prisma.Sql {
  const q = raw.trim();
  const digits = q.replace(/^#/, "").replace(/^PT/i, "").replace(/[\s.-]+/g, "");
  if (/^\d{1,9}$/.test(digits)) {
    const byNumber = Prisma.sql`o."jumpsellerId" = ${Number(digits)}`;
    return digits.length === 9 ? Prisma.sql`(${byNumber} OR o.nif = ${digits})` : byNumber;
  }
  const contains = `%${likeEscape(q)}%`;
  if (q.includes("@")) return Prisma.sql`o."customerEmail" ILIKE ${contains}`;
  return Prisma.sql`(o."customerName" ILIKE ${contains} OR o."customerEmail" ILIKE ${contains})`;
}

function filtersFrom(search: OrderSearch): Prisma.Sql[] {
  const filters: Prisma.Sql[] = [];
  if (search.store) filters.push(Prisma.sql`o."storeId" = ${search.store}`);
  if (search.state) filters.push(Prisma.sql`o."invoiceState" = ${search.state}::"InvoiceState"`);
  if (search.q) filters.push(searchFilter(search.q));
  return filters;
}

export async function listOrders(user: SessionUser, search: OrderSearch): Promise<KeysetPage<OrderRow>> {
  const cursor = decodeCursor(search.cursor);
  const backwards = Boolean(cursor) && search.dir === "prev";
  // Walking back (the "previous" link) reads in the opposite order, then flips the rows.
  const descending = (search.sort === "desc") !== backwards;
  const where = [storeScopeSql(user, Prisma.sql`o."storeId"`), ...filtersFrom(search)];
  if (cursor) {
    where.push(
      descending
        ? Prisma.sql`(o."orderedAt", o.id) < (${cursor.at}, ${cursor.id})`
        : Prisma.sql`(o."orderedAt", o.id) > (${cursor.at}, ${cursor.id})`,
    );
  }
  const order = descending ? Prisma.sql`o."orderedAt" DESC, o.id DESC` : Prisma.sql`o."orderedAt" ASC, o.id ASC`;
  const fetched = await db.$queryRaw<OrderSqlRow[]>`
    SELECT o.id, o."jumpsellerId", o.status, o."invoiceState"::text AS "invoiceState", o."customerName", o.nif,
           o."totalCents", o.currency, o."orderedAt", o."paidAt",
           s.id AS "storeId", s.name AS "storeName", d.type::text AS "invoiceType", d.number AS "invoiceNumber"
    FROM "Order" o
    JOIN "Store" s ON s.id = o."storeId"
    LEFT JOIN "Document" d ON d."invoiceForOrderId" = o.id
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}
    LIMIT ${pageSize + 1}`;

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

function toOrderRow({ storeId, storeName, invoiceType, invoiceNumber, ...order }: OrderSqlRow): OrderRow {
  return {
    ...order,
    store: { id: storeId, name: storeName },
    invoice: invoiceType && invoiceNumber ? { type: invoiceType, number: invoiceNumber } : null,
  };
}
