// Demo and test data: users for each role with known passwords, three stores, and orders with their
// documents, jobs and webhook deliveries. Idempotent: every row is keyed by a natural or fixed id, so running
// it again changes nothing.
import type { Db } from "@/lib/db";
import { sealSecret, secretHint } from "@/lib/crypto";
import { addDays, lisbonDay, startOfLisbonDay } from "@/lib/lisbon-time";
import { addWorkingDays, invoiceDeadlineWorkingDays } from "@/lib/legal-deadline";
import { hashPassword } from "@/lib/users";
import { demoOrders, demoPassword, demoStores, demoUsers, type DemoOrder, type PaidWhen } from "./fixtures";

export { demoPassword, demoUsers } from "./fixtures";

const hour = 3600_000;

// The Lisbon day whose invoice deadline is `deadline` (or the last one before it), at 10:00.
function paidForDeadline(deadline: string): Date {
  let day = deadline;
  while (addWorkingDays(day, invoiceDeadlineWorkingDays) > deadline) day = addDays(day, -1);
  return new Date(startOfLisbonDay(day).getTime() + 10 * hour);
}

function paidAtFor(when: PaidWhen, now: Date): Date | null {
  const today = lisbonDay(now);
  if (when === "hours_ago") return new Date(now.getTime() - 2 * hour);
  if (when === "near_deadline") return paidForDeadline(addWorkingDays(today, 1));
  if (when === "overdue") return paidForDeadline(addDays(today, -3));
  return null;
}

export async function seedDemoData(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  const storeIds = new Map<string, string>();
  for (const store of demoStores) {
    const { code, ...settings } = store;
    const row = await db.store.upsert({ where: { code }, update: {}, create: { code, ...settings } });
    storeIds.set(code, row.id);
    const vendusKey = `demo-vendus-key-${code}`;
    await db.storeCredential.upsert({
      where: { storeId: row.id },
      update: {},
      create: {
        storeId: row.id,
        jumpsellerAuth: "private",
        jumpsellerLogin: code,
        jumpsellerTokenEnc: sealSecret(`demo-token-${code}`, { storeId: row.id, field: "jumpsellerToken" }),
        vendusApiKeyEnc: sealSecret(vendusKey, { storeId: row.id, field: "vendusApiKey" }),
        vendusKeyHint: secretHint(vendusKey),
      },
    });
    for (const order of demoOrders[code] ?? []) await seedOrder(db, row.id, code, order, now);
    await db.webhookDelivery.upsert({
      where: {
        storeId_event_resourceId_state: { storeId: row.id, event: "order_paid", resourceId: "demo", state: "paid" },
      },
      update: {},
      create: {
        storeId: row.id,
        event: "order_paid",
        resourceId: "demo",
        state: "paid",
        body: {},
        matchedKey: "hooks_token",
        receivedAt: new Date(now.getTime() - 20 * 60_000),
      },
    });
  }

  const userIds: Record<string, string> = {};
  for (const user of Object.values(demoUsers)) {
    const row = await db.user.upsert({
      where: { email: user.email },
      update: {},
      create: {
        email: user.email,
        name: user.name,
        role: user.role,
        allStores: user.allStores,
        locale: user.locale,
        passwordHash,
        access: { create: user.stores.map((code) => ({ storeId: storeIds.get(code)! })) },
      },
    });
    userIds[user.role] = row.id;
  }

  const firstStore = storeIds.get("loja-do-mar")!;
  await db.auditEvent.upsert({
    where: { id: "demo-audit-settings" },
    update: {},
    create: {
      id: "demo-audit-settings",
      at: new Date(now.getTime() - 26 * hour),
      actorId: userIds.admin,
      storeId: firstStore,
      action: "store.settings_updated",
      targetType: "store",
      targetId: firstStore,
      details: { changed: { enabled: { from: false, to: true } } },
    },
  });
  await db.rejectedDelivery.upsert({
    where: { id: "demo-rejected-signature" },
    update: {},
    create: {
      id: "demo-rejected-signature",
      receivedAt: new Date(now.getTime() - 5 * hour),
      storeCode: "loja-do-mar",
      storeId: firstStore,
      event: "order_paid",
      reason: "bad_signature",
      status: 401,
      bodyBytes: 2048,
      remoteAddr: "203.0.113.7",
    },
  });
}

async function seedOrder(db: Db, storeId: string, code: string, order: DemoOrder, now: Date): Promise<void> {
  const paidAt = paidAtFor(order.paid, now);
  const orderedAt = paidAt
    ? new Date(paidAt.getTime() - 15 * 60_000)
    : new Date(now.getTime() - (order.daysAgo * 24 + 3) * hour);
  const row = await db.order.upsert({
    where: { storeId_jumpsellerId: { storeId, jumpsellerId: order.jumpsellerId } },
    update: {},
    create: {
      storeId,
      jumpsellerId: order.jumpsellerId,
      status: paidAt ? "Paid" : "Pending Payment",
      invoiceState: order.invoiceState,
      customerName: order.customerName,
      customerEmail: order.customerEmail,
      nif: order.nif,
      country: "PT",
      totalCents: order.totalCents,
      orderedAt,
      paidAt,
    },
  });

  if (order.job) {
    await db.job.upsert({
      where: { storeId_kind_subject: { storeId, kind: "invoice_order", subject: String(order.jumpsellerId) } },
      update: {},
      create: {
        storeId,
        kind: "invoice_order",
        subject: String(order.jumpsellerId),
        status: order.job.status,
        attempts: order.job.status === "failed" ? 5 : 1,
        lastErrorKind: order.job.errorKind,
        lastErrorCode: order.job.errorCode,
        lastErrorParams: order.job.errorParams,
        lastErrorMessage: order.job.errorMessage,
        orderId: row.id,
        createdAt: orderedAt,
        finishedAt: order.job.status === "succeeded" || order.job.status === "failed" ? paidAt : null,
      },
    });
  }

  const invoiced = ["invoiced", "credit_note_suggested"].includes(order.invoiceState);
  if (!invoiced || !paidAt) return;
  const type = code === "casa-verde" ? "FT" : "FR";
  const vendusId = 500_000 + order.jumpsellerId;
  const netCents = Math.round(order.totalCents / 1.23);
  await db.document.upsert({
    where: { txId: `demo-${code}-${order.jumpsellerId}` },
    update: {},
    create: {
      storeId,
      orderId: row.id,
      invoiceForOrderId: row.id,
      type,
      vendusId,
      number: `${type} ${new Date(paidAt).getFullYear()}/${order.jumpsellerId}`,
      atcud: `JFQ4KD7M-${order.jumpsellerId}`,
      issuedAt: new Date(paidAt.getTime() + 60_000),
      amountGrossCents: order.totalCents,
      amountNetCents: netCents,
      externalReference: `#${order.jumpsellerId}`,
      txId: `demo-${code}-${order.jumpsellerId}`,
      lines: order.items.map((item) => ({
        reference: item.reference,
        title: item.title,
        qty: item.qty,
        gross_price: item.grossCents / 100,
        tax_id: "NOR",
      })),
      taxes: [{ rate: 23, baseCents: netCents, amountCents: order.totalCents - netCents }],
    },
  });
}
