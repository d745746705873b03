// The audit trail and refused webhook deliveries. Events without a store (user management, sign-in) are
// visible to admins only: everyone else sees events tied to a store they may see, and nothing else.
import { z } from "zod";
import { storeScope, visibleStoreIds, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { finishKeyset, keysetQuery, pageParamsSchema, planKeyset, type KeysetPage } from "@/lib/keyset";

export const auditSearchSchema = z.object({
  store: z.string().max(40).optional().catch(undefined),
  ...pageParamsSchema.shape,
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

const auditRowSelect = {
  id: true,
  at: true,
  action: true,
  targetType: true,
  targetId: true,
  details: true,
  actor: { select: { name: true, email: true } },
  store: { select: { id: true, name: true } },
} satisfies Prisma.AuditEventSelect;

export type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof auditRowSelect }>;

export async function listAuditEvents(user: SessionUser, search: AuditSearch): Promise<KeysetPage<AuditRow>> {
  const plan = planKeyset("at", true, search);
  const filters: Prisma.AuditEventWhereInput[] = [];
  // `store: {}` alone would also match rows with no store at all (for an accountant who sees every store).
  if (user.role !== "admin") filters.push({ storeId: { not: null } }, storeScope(user));
  if (search.store) filters.push({ storeId: search.store });
  const rows = await db.auditEvent.findMany({
    ...keysetQuery<Prisma.AuditEventWhereInput, Prisma.AuditEventOrderByWithRelationInput>(plan, filters),
    select: auditRowSelect,
  });
  return finishKeyset(plan, rows, (row) => row.at);
}

/** The newest refused deliveries (the table is kept short by the webhook ingest). */
export async function listRejectedDeliveries(user: SessionUser, storeId?: string) {
  const ids = await visibleStoreIds(user);
  const filters: Prisma.RejectedDeliveryWhereInput[] = [];
  // Deliveries that matched no store are only shown to those who see every store.
  if (ids !== "all") filters.push({ storeId: { in: ids } });
  if (storeId) filters.push({ storeId });
  return db.rejectedDelivery.findMany({
    where: { AND: filters },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, receivedAt: true, storeCode: true, event: true, reason: true, status: true, remoteAddr: true },
  });
}
export type RejectedDeliveryRow = Awaited<ReturnType<typeof listRejectedDeliveries>>[number];
