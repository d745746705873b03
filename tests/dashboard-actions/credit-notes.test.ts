// Asking for a credit note from the order page: accountants and admins only, never more than is creditable.
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { setUpDashboardWorld } from "../dashboard/world";
import { createEventSink } from "./support";

let currentUser: SessionUser | null = null;
const sink = createEventSink();
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/inngest/client", () => ({ inngest: { send: (events: never) => sink.send(events) } }));

const { submitCreditNote } = await import("@/lib/actions/credit-notes");

const world = setUpDashboardWorld(() => {
  currentUser = null;
});

async function invoiceOf(storeCode: string, jumpsellerId: number) {
  return world.test.db.document.findFirstOrThrow({
    where: { storeId: world.stores[storeCode], order: { jumpsellerId }, type: { not: "NC" } },
  });
}

const creditJobs = (documentId: string) =>
  world.test.db.job.findMany({ where: { kind: "credit_note", payload: { path: ["documentId"], equals: documentId } } });

describe("submitCreditNote", () => {
  it("is refused to a merchant, even on their own store, and another store's invoice is not found", async () => {
    const own = await invoiceOf("loja-do-mar", 1001);
    const other = await invoiceOf("casa-verde", 2001);
    currentUser = world.users.merchant;
    const reason = { preset: "order_cancelled" } as const;
    expect(await submitCreditNote({ documentId: own.id, reason })).toEqual({ error: "forbidden" });
    expect(await submitCreditNote({ documentId: other.id, reason })).toEqual({ error: "not_found" });
    expect(await creditJobs(own.id)).toHaveLength(0);
    expect(await creditJobs(other.id)).toHaveLength(0);
  });

  it("refuses more than is still creditable, naming the line and the limit", async () => {
    const invoice = await invoiceOf("loja-do-mar", 1002);
    const lines = invoice.lines as { title: string; qty: number }[];
    currentUser = world.users.accountant;
    const result = await submitCreditNote({
      documentId: invoice.id,
      reason: { preset: "returned_goods" },
      lines: [{ row: 1, qty: lines[0]!.qty + 1 }],
    });
    expect(result).toEqual({
      error: "invalid",
      problems: [
        {
          code: "over_credit",
          params: {
            row: 1,
            title: lines[0]!.title,
            requested: lines[0]!.qty + 1,
            creditable: lines[0]!.qty,
            invoiced: lines[0]!.qty,
          },
        },
      ],
    });
    expect(await creditJobs(invoice.id)).toHaveLength(0);
  });

  it("asks for a partial credit note, audited and dispatched, and counts it against what is left", async () => {
    const invoice = await invoiceOf("loja-do-mar", 1002);
    const first = (invoice.lines as { qty: number }[])[0]!;
    currentUser = world.users.accountant;
    const result = await submitCreditNote({
      documentId: invoice.id,
      reason: { preset: "returned_goods" },
      lines: [{ row: 1, qty: 1 }],
    });
    expect(result).toMatchObject({ ok: true, dispatched: true });
    const [job] = await creditJobs(invoice.id);
    expect(job).toMatchObject({
      status: "queued",
      requestedById: world.users.accountant.id,
      storeId: invoice.storeId,
      orderId: invoice.orderId,
    });
    expect(job!.payload).toMatchObject({
      scope: "lines",
      lines: [{ row: 1, qty: 1 }],
      reason: { preset: "returned_goods" },
    });
    const audit = await world.test.db.auditEvent.findFirstOrThrow({
      where: { action: "credit_note.requested", targetId: invoice.id },
    });
    expect(audit.actorId).toBe(world.users.accountant.id);

    // The request on its way already takes one unit: asking for all of them again is refused.
    const again = await submitCreditNote({
      documentId: invoice.id,
      reason: { preset: "returned_goods" },
      lines: [{ row: 1, qty: first.qty }],
    });
    expect(again).toMatchObject({
      error: "invalid",
      problems: [{ code: "over_credit", params: { creditable: first.qty - 1 } }],
    });
  });

  it("needs a described reason for other, and leaves nothing after a whole-invoice request", async () => {
    const invoice = await invoiceOf("casa-verde", 2004);
    currentUser = world.users.admin;
    expect(await submitCreditNote({ documentId: invoice.id, reason: { preset: "other", text: "  " } })).toEqual({
      error: "invalid",
      fields: { reasonText: "reason_text_required" },
    });
    expect(
      await submitCreditNote({
        documentId: invoice.id,
        reason: { preset: "other", text: "Preço de campanha não aplicado" },
      }),
    ).toMatchObject({
      ok: true,
    });
    // The whole invoice is now asked for: nothing is left.
    expect(await submitCreditNote({ documentId: invoice.id, reason: { preset: "wrong_price" } })).toMatchObject({
      error: "invalid",
      problems: [{ code: "nothing_to_credit" }],
    });
  });

  it("refuses invoices issued in test mode, which Vendus does not credit", async () => {
    const invoice = await invoiceOf("loja-do-mar", 1006);
    await world.test.db.document.update({ where: { id: invoice.id }, data: { mode: "tests" } });
    currentUser = world.users.accountant;
    expect(await submitCreditNote({ documentId: invoice.id, reason: { preset: "order_cancelled" } })).toMatchObject({
      error: "invalid",
      problems: [{ code: "test_mode_invoice" }],
    });
  });
});
