// A job with nothing to do ends "skipped" and says why like a failure does: by a code the dashboard says in
// the reader's language, with the English text kept as the technical detail.
import { describe, expect, it } from "vitest";
import { describeJobError } from "@/lib/jobs/error-messages";
import { jobErrorTranslator } from "@/lib/jobs/error-translator";
import portuguese from "@/messages/pt-PT.json";
import { placePaidOrder, replayDelivery, useHarness } from "./harness";

describe("skipped jobs", () => {
  const h = useHarness();
  const inPortuguese = jobErrorTranslator(portuguese, "pt-PT");

  function lostDelivery(event: string, matches: (body: Record<string, { id: number }>) => boolean) {
    const delivery = h.control
      .deliveries()
      .find((d) => d.suppressed && d.event === event && matches(JSON.parse(d.body)));
    expect(delivery, event).toBeDefined();
    return delivery!;
  }

  it("an order cancelled before its payment's job runs is skipped as not paid, said in Portuguese", async () => {
    const order = placePaidOrder(h, { pay: false });
    // The payment's deliveries are late; by the time one arrives the order is cancelled in the shop.
    h.control.suppressWebhooks(1, "order_paid");
    h.control.suppressWebhooks(1, "order_updated");
    h.control.payOrder(order.id);
    await h.settle();
    h.control.suppressWebhooks(5);
    h.control.cancelOrder(order.id);
    await h.settle();
    await replayDelivery(
      h,
      lostDelivery("order_paid", (body) => body.order!.id === order.id),
    );
    await h.settle();

    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(order.id), kind: "invoice_order" } });
    expect(job).toMatchObject({ status: "skipped", lastErrorCode: "not_paid" });
    expect(job.lastErrorMessage).toContain(`Order #${order.id} is`);
    expect(h.vendus.control.documents()).toHaveLength(0);
    const shown = describeJobError(
      { code: job.lastErrorCode, params: job.lastErrorParams, message: job.lastErrorMessage },
      inPortuguese,
    );
    expect(shown).toMatchObject({
      label: "Não paga",
      message: "A encomenda não está paga: só se fatura depois do pagamento.",
    });
    const event = await h.db.jobEvent.findFirstOrThrow({ where: { jobId: job.id, type: "skipped" } });
    expect(event).toMatchObject({ errorCode: "not_paid", message: job.lastErrorMessage });
  });

  it("a product deleted before its sync runs is skipped as deleted, naming the product", async () => {
    h.control.suppressWebhooks(1, "product_created");
    const product = h.control.createProduct({ name: "Caderno", sku: "CAD-01", price: 4.5, stock: 2 });
    await h.settle();
    h.control.suppressWebhooks(5);
    h.control.deleteProduct(product.id);
    await h.settle();
    await replayDelivery(
      h,
      lostDelivery("product_created", (body) => body.product!.id === product.id),
    );
    await h.settle();

    const job = await h.db.job.findFirstOrThrow({ where: { subject: String(product.id), kind: "sync_product" } });
    expect(job).toMatchObject({
      status: "skipped",
      lastErrorCode: "product_gone",
      lastErrorParams: { product: String(product.id) },
      lastErrorMessage: `Product ${product.id} no longer exists in Jumpseller.`,
    });
    expect(h.vendus.control.products().filter((p) => p.reference === "CAD-01")).toHaveLength(0);
    const shown = describeJobError(
      { code: job.lastErrorCode, params: job.lastErrorParams, message: job.lastErrorMessage },
      inPortuguese,
    );
    expect(shown?.label).toBe("Produto apagado");
    expect(shown?.message).toBe(
      `O produto ${product.id} já não existe na Jumpseller: não há nada a enviar para o Vendus.`,
    );
  });
});
