// A credit note asked for from the dashboard goes through the real pipeline (simulated Vendus, Inngest
// stand-in), and what it credited is then counted: the form offers only what is left.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import { placePaidOrder, startHarness, type Harness } from "../pipeline/harness";
import { createStoreUser } from "../support/store-users";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { submitCreditNote } = await import("@/lib/actions/credit-notes");
const { getInvoiceBalances } = await import("@/lib/data/credit-notes");

let h: Harness;
beforeAll(async () => {
  // Normal mode: Vendus does not credit test-mode documents.
  h = await startHarness({ settings: { testMode: false, vendusRegisterId: 101 } });
  currentUser = await createStoreUser(h.db, h.storeId, {
    email: "contas@example.pt",
    name: "Contas",
    role: "accountant",
  });
});
afterAll(async () => h?.close());

describe("a credit note from the dashboard", () => {
  it("is issued for the chosen units, and only the rest can be credited afterwards", async () => {
    const order = placePaidOrder(h);
    await h.settle();
    const invoice = await h.db.document.findFirstOrThrow({ where: { order: { jumpsellerId: order.id }, type: "FR" } });
    const balanceOf = async () => (await getInvoiceBalances(currentUser!, [invoice])).get(invoice.id)!;
    expect((await balanceOf()).lines).toMatchObject([{ row: 1, qty: 2, credited: 0, pending: 0, creditable: 2 }]);

    expect(
      await submitCreditNote({
        documentId: invoice.id,
        reason: { preset: "returned_goods" },
        lines: [{ row: 1, qty: 1 }],
      }),
    ).toMatchObject({
      ok: true,
    });
    await h.settle();
    const nc = await h.db.document.findFirstOrThrow({ where: { creditsId: invoice.id } });
    expect(nc).toMatchObject({
      type: "NC",
      amountGrossCents: invoice.amountGrossCents / 2,
      reason: "Devolução de mercadoria",
    });
    const after = await balanceOf();
    expect(after.lines).toMatchObject([{ row: 1, credited: 1, pending: 0, creditable: 1 }]);
    expect(after).toMatchObject({ creditedCents: nc.amountGrossCents, hasPendingRequest: false });

    expect(
      await submitCreditNote({
        documentId: invoice.id,
        reason: { preset: "returned_goods" },
        lines: [{ row: 1, qty: 2 }],
      }),
    ).toMatchObject({
      error: "invalid",
      problems: [{ code: "over_credit", params: { requested: 2, creditable: 1, invoiced: 2 } }],
    });
    expect(await submitCreditNote({ documentId: invoice.id, reason: { preset: "order_cancelled" } })).toMatchObject({
      ok: true,
    });
    await h.settle();
    expect(await h.db.document.count({ where: { creditsId: invoice.id } })).toBe(2);
    expect(await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } })).toMatchObject({
      invoiceState: "credited",
    });
    expect((await balanceOf()).lines).toMatchObject([{ row: 1, credited: 2, creditable: 0 }]);
  });
});
