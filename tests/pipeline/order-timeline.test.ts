// The order page's timeline, read from what the database recorded while the real pipeline ran against the
// simulators: a failed-then-fixed order shows every step in order, with who did what; a credit and reissue shows
// the chain invoice → credit note → new invoice; another store's merchant gets nothing.
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import english from "@/messages/en.json";
import portuguese from "@/messages/pt-PT.json";
import type { TimelineEntry } from "@/lib/data/order-timeline";
import { placePaidOrder, replayDelivery, settledOrder, type Harness } from "./harness";
import { startStoreWithPeople } from "./store-people";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { correctOrder, creditAndReissue, removeCorrection } = await import("@/lib/actions/corrections");
const { retryJob } = await import("@/lib/actions/jobs");
const { getOrderTimeline } = await import("@/lib/data/order-timeline");
const { OrderTimeline } = await import("@/components/orders/order-timeline");

/**
 * The timeline as the order page renders it in a language: what is on screen, and what sits behind
 * "Detalhe técnico" / "Technical detail" (the <details> boxes).
 */
function renderTimeline(entries: TimelineEntry[], locale: "pt-PT" | "en") {
  const messages = (locale === "en" ? english : portuguese) as AbstractIntlMessages;
  const html = renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // The children are the third argument; the props' type lists them too.
      { locale, messages, timeZone: "Europe/Lisbon" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(OrderTimeline, { entries, currency: "EUR" }),
    ),
  );
  const text = (markup: string) =>
    markup
      .replace(/<[^>]+>/g, " ")
      .replace(/&quot;/g, '"')
      .replace(/\s+/g, " ");
  const details = [...html.matchAll(/<details[\s\S]*?<\/details>/g)].map((m) => text(m[0]));
  return { visible: text(html.replace(/<details[\s\S]*?<\/details>/g, "")), details };
}

/** One line per entry, with what the page prints for it (times aside). */
function lines(entries: TimelineEntry[]): string[] {
  return entries.map((e) => {
    switch (e.kind) {
      case "webhook":
        return `webhook ${e.event} +${e.duplicates}`;
      case "job_created":
        return `created ${e.job}`;
      case "job":
        return [
          `${e.job} ${e.type}`,
          e.dispatch ? `run ${e.dispatch + 1}` : null,
          e.attempt ? `attempt ${e.attempt}` : null,
        ]
          .concat(e.errorCode ? [e.errorCode] : [])
          .filter(Boolean)
          .join(" ");
      case "document":
        return [`${e.type} ${e.number}`, e.atcud ? `ATCUD ${e.atcud}` : null, e.credits ? `credits ${e.credits}` : null]
          .concat(e.replaces ? [`replaces ${e.replaces}`] : [])
          .filter(Boolean)
          .join(" ");
      case "attached":
        return `attached ${e.number}`;
      case "history_note":
        return `history note ${e.number}`;
      case "email":
        return `e-mail ${e.job}`;
      case "user":
        return `${e.actor ?? "Ponte"}: ${e.action}${e.summary ? ` ${e.summary}` : ""}`;
    }
  });
}

describe("order timeline", () => {
  let h: Harness;
  let merchant: SessionUser, stranger: SessionUser, accountant: SessionUser;
  beforeAll(async () => {
    ({ h, merchant, stranger, accountant } = await startStoreWithPeople());
  });
  afterAll(async () => h?.close());

  it("shows a failed-then-fixed order step by step: invalid NIF, correction, retry, invoice", async () => {
    const order = placePaidOrder(h, { nif: "123456780" });
    await h.settle();
    // Jumpseller sends the same payment twice more: counted on the one delivery, nothing else happens.
    const delivery = h.control
      .deliveries()
      .find((d) => d.event === "order_paid" && JSON.parse(d.body).order.id === order.id);
    await replayDelivery(h, delivery!, 2);
    const row = await h.db.order.findFirstOrThrow({ where: { jumpsellerId: order.id } });

    currentUser = merchant;
    expect(await correctOrder({ orderId: row.id, taxId: "503 504 564", retry: true })).toEqual({
      ok: true,
      retried: true,
    });
    await h.settle();

    const doc = await h.db.document.findFirstOrThrow({ where: { orderId: row.id } });
    expect(doc.atcud).toBeTruthy();
    const timeline = await getOrderTimeline(merchant, row.id);
    expect(lines(timeline!)).toEqual([
      "webhook order_paid +3",
      "created invoice_order",
      "invoice_order started",
      "invoice_order error attempt 1 invalid_nif",
      "invoice_order failed invalid_nif",
      "e-mail invoice_order",
      "Rita Loja: order.corrected 503504564",
      "Rita Loja: job.retried",
      "invoice_order started run 2",
      `FR ${doc.number} ATCUD ${doc.atcud}`,
      `attached ${doc.number}`,
      `history note ${doc.number}`,
      "invoice_order succeeded run 2",
    ]);
    // The failure's message is the engine's, as the jobs page shows it.
    const failed = timeline!.find((e) => e.kind === "job" && e.type === "failed");
    expect(failed).toMatchObject({ errorKind: "refused", message: expect.stringContaining("123456780") });
    // Oldest first, in the instants the database recorded.
    const times = timeline!.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // Another store's merchant does not learn that the order exists.
    expect(await getOrderTimeline(stranger, row.id)).toBeNull();
  });

  it("says a failed attempt's cause in the reader's language, with the engine's own text one click away", async () => {
    const { row } = await settledOrder(h, { nif: "123456780" });
    const timeline = (await getOrderTimeline(merchant, row.id))!;
    expect(lines(timeline)).toContain("invoice_order failed invalid_nif");

    const pt = renderTimeline(timeline, "pt-PT");
    expect(pt.visible).toContain("Faturação: tentativa 1 falhou");
    expect(pt.visible).toContain("Faturação: falhou, precisa de uma pessoa");
    // The attempt and the final failure each say the cause in Portuguese, with what to do.
    const cause = "O NIF “123456780” indicado pelo cliente não é um NIF português válido";
    expect(pt.visible.split(cause)).toHaveLength(3);
    expect(pt.visible).toContain("Corrija o NIF desta encomenda na sua página");
    expect(pt.visible).not.toContain("given by the customer");
    expect(pt.details).toHaveLength(2);
    for (const detail of pt.details) {
      expect(detail).toContain("Detalhe técnico");
      expect(detail).toContain('The NIF "123456780" given by the customer is not a valid Portuguese NIF');
    }

    const en = renderTimeline(timeline, "en");
    expect(en.visible).toContain("Invoice: failed, needs a person");
    expect(en.visible).toContain("The NIF “123456780” given by the customer is not a valid Portuguese NIF");
    expect(en.visible).not.toContain("NIF português");
    expect(en.details[0]).toContain("Technical detail");
  });

  it("shows the chain invoice → credit note → new invoice after an accountant's credit and reissue", async () => {
    const { row } = await settledOrder(h, { nif: "123456789" });
    const invoice = await h.db.document.findFirstOrThrow({ where: { orderId: row.id, type: "FR" } });

    currentUser = accountant;
    expect(await correctOrder({ orderId: row.id, taxId: "503504564" })).toEqual({ ok: true, retried: false });
    expect(await creditAndReissue(invoice.id, invoice.number)).toMatchObject({ ok: true, repeated: false });
    await h.settle();

    const nc = await h.db.document.findFirstOrThrow({ where: { creditsId: invoice.id } });
    const reissued = await h.db.document.findFirstOrThrow({ where: { replacesId: invoice.id } });
    const timeline = (await getOrderTimeline(accountant, row.id))!;
    const chain = lines(timeline.filter((e) => e.kind === "document" || e.kind === "user"));
    expect(chain).toEqual([
      `FR ${invoice.number} ATCUD ${invoice.atcud}`,
      "Carla Contas: order.corrected 503504564",
      `Carla Contas: invoice.reissue_requested ${invoice.number}`,
      `NC ${nc.number} ATCUD ${nc.atcud} credits ${invoice.number}`,
      `FR ${reissued.number} ATCUD ${reissued.atcud} replaces ${invoice.number}`,
    ]);
    // Each document is attached to the Jumpseller order and noted in its history, after it was issued.
    for (const number of [invoice.number, nc.number, reissued.number]) {
      const issued = lines(timeline).indexOf(
        lines(timeline).find((l) => l.startsWith(`FR ${number}`) || l.startsWith(`NC ${number}`))!,
      );
      expect(lines(timeline).indexOf(`attached ${number}`)).toBeGreaterThan(issued);
      expect(lines(timeline).indexOf(`history note ${number}`)).toBeGreaterThan(issued);
    }
  });

  it("removes a correction, audited, and the engine goes back to the order's data from Jumpseller", async () => {
    const { row } = await settledOrder(h, { nif: "987654320" });
    const job = await h.db.job.findFirstOrThrow({ where: { orderId: row.id, kind: "invoice_order" } });
    currentUser = merchant;
    expect(await correctOrder({ orderId: row.id, taxId: "503504564" })).toEqual({ ok: true, retried: false });

    currentUser = stranger;
    expect(await removeCorrection(row.id)).toEqual({ error: "not_found" });
    currentUser = merchant;
    expect(await removeCorrection(row.id)).toEqual({ ok: true, removed: true });
    expect(await removeCorrection(row.id)).toEqual({ ok: true, removed: false });
    expect(await h.db.orderCorrection.count({ where: { orderId: row.id } })).toBe(0);
    const removal = await h.db.auditEvent.findFirstOrThrow({ where: { action: "order.correction_removed" } });
    expect(removal).toMatchObject({
      actorId: merchant.id,
      storeId: h.storeId,
      targetId: row.id,
      details: expect.objectContaining({ removed: expect.objectContaining({ taxId: "503504564" }) }),
    });

    // Retried without the correction: the customer's NIF from Jumpseller is refused again, nothing is issued.
    expect(await retryJob(job.id)).toMatchObject({ ok: true });
    await h.settle();
    expect(await h.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "failed",
      lastErrorCode: "invalid_nif",
    });
    expect(await h.db.document.count({ where: { orderId: row.id } })).toBe(0);
    expect(lines((await getOrderTimeline(merchant, row.id))!).slice(-6)).toEqual([
      "Rita Loja: order.corrected 503504564",
      "Rita Loja: order.correction_removed",
      "Rita Loja: job.retried",
      "invoice_order started run 2",
      "invoice_order error run 2 attempt 1 invalid_nif",
      "invoice_order failed run 2 invalid_nif",
    ]);
  });
});
