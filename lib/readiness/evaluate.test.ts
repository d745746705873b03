import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import pt from "@/messages/pt-PT.json";
import { defaultStoreSettings } from "@/lib/store-settings";
import { describeReadiness, readinessTranslator } from "./describe";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import { evaluateReadiness, readinessCodes, type JumpsellerFacts, type ReadinessFacts } from "./evaluate";

const url = "https://ponte.example.pt/api/webhooks/jumpseller";
const events = ["order_paid", "order_canceled"];

function facts(overrides: Partial<ReadinessFacts> = {}, settings: Partial<ReadinessFacts["store"]["settings"]> = {}) {
  const base: ReadinessFacts = {
    store: {
      code: "loja",
      settings: {
        ...defaultStoreSettings,
        name: "Loja",
        enabled: true,
        testMode: false,
        vendusRegisterId: 101,
        vendusPaymentMethodId: 304,
        ...settings,
      },
      hasVendusKey: true,
      jumpsellerAuth: "private",
      hooksToken: "hooks",
    },
    vendus: {
      account: { id: 1, company: "Loja, Lda.", fiscalId: "509100015", country: "PT", region: "PT", defaultTaxId: null },
      registers: [{ id: 101, storeId: 1, title: "Online", type: "api", mode: "normal", isActive: true }],
      paymentMethods: [{ id: 304, title: "Multibanco", type: "MB", isActive: true }],
      documentTypes: ["FT", "FR", "NC"],
      taxes: [{ id: "NOR", rate: 23, country: "PT", title: "Normal" }],
      exemptions: [{ id: "M10", text: "Regime de isenção", law: "Artigo 53.º" }],
    },
    jumpseller: {
      info: { code: "loja", name: "Loja", currency: "EUR", hooksToken: "hooks" },
      hooks: events.map((event) => ({ event, url })),
    },
    webhookUrl: url,
    webhookEvents: events,
    clientSecretConfigured: false,
  };
  return { ...base, ...overrides };
}

const codes = (f: ReadinessFacts) => evaluateReadiness(f).items.map((i) => `${i.status}:${i.code}`);

describe("evaluateReadiness", () => {
  it("is ready when everything answers as set up", () => {
    const result = evaluateReadiness(facts());
    expect(result.ready).toBe(true);
    expect(result.items.every((i) => i.status === "ok")).toBe(true);
  });

  it("warns about a training register and test mode, without making the store unready", () => {
    const f = facts({}, { testMode: true });
    if ("account" in f.vendus!) f.vendus.registers[0]!.mode = "tests";
    expect(codes(f)).toEqual(expect.arrayContaining(["warn:register_tests", "warn:test_mode_on"]));
    expect(evaluateReadiness(f).ready).toBe(true);
  });

  it("needs no payment method for invoices (FT), and checks the exemption of a 0 % rate", () => {
    expect(codes(facts({}, { documentType: "FT", vendusPaymentMethodId: null }))).toContain(
      "ok:payment_method_not_needed",
    );
    const exempt = { defaultVatRate: 0, exemptionCode: "M10", exemptionLaw: "Artigo 53.º" };
    expect(codes(facts({}, exempt))).toContain("ok:exemption_ok");
    expect(codes(facts({}, { ...exempt, exemptionCode: "M98" }))).toContain("fail:exemption_unknown");
  });

  it("accepts hooks signed by the OAuth app's client secret when the store has no hooks token", () => {
    const store = { ...facts().store, hooksToken: null, jumpsellerAuth: "oauth" as const };
    expect(codes(facts({ store }))).toContain("fail:hooks_token_missing");
    expect(codes(facts({ store, clientSecretConfigured: true }))).toContain("ok:hooks_token_ok");
  });

  it("refuses another store's credentials, a currency other than the euro, a store that is off", () => {
    const other = facts({
      jumpseller: { info: { code: "outra", name: null, currency: "EUR", hooksToken: null }, hooks: [] },
    });
    expect(codes(other).filter((c) => c.includes("jumpseller"))).toEqual(["fail:jumpseller_other_store"]);
    const dollars = facts({
      jumpseller: { info: { code: "loja", name: null, currency: "USD", hooksToken: null }, hooks: [] },
    });
    expect(codes(dollars)).toContain("fail:currency_not_eur");
    expect(codes(facts({}, { enabled: false }))).toContain("fail:store_off");
  });

  it("warns when recent orders charge shipping at a rate none of their goods has, unless shipping follows the goods", () => {
    const order = (id: number, goodsRate: number, shippingRate: number) =>
      buildOrder({
        id,
        lines: [{ name: "Livro", price: 18, rate: goodsRate }],
        shipping: { price: 5, rate: shippingRate },
      });
    const orders = [order(1, 23, 23), order(2, 6, 23), order(3, 6, 6)];
    const jumpseller = { ...(facts().jumpseller as JumpsellerFacts), recentPaidOrders: orders };
    const mismatch = evaluateReadiness(facts({ jumpseller }));
    expect(mismatch.ready).toBe(true);
    expect(mismatch.items.at(-1)).toEqual({
      code: "shipping_vat_mismatch",
      status: "warn",
      params: { count: 1, checked: 3, order: 2, shippingRate: 23, goodsRates: "6 %" },
    });
    expect(describeReadiness(mismatch, "loja").join("\n")).toContain(
      "1 of the last 3 paid orders charge shipping at a rate none of their goods has (e.g. #2: shipping 23 %, goods 6 %)",
    );
    const fine = { ...jumpseller, recentPaidOrders: [orders[0]!, orders[2]!] };
    expect(codes(facts({ jumpseller: fine }))).toContain("ok:shipping_vat_ok");
    expect(codes(facts({ jumpseller }, { shippingVat: "follow_goods" }))).toContain("ok:shipping_vat_goods_ok");
  });

  it("has words for every item, and a fix for every problem, in English and in Portuguese", () => {
    for (const messages of [en, pt]) {
      for (const code of readinessCodes) expect(messages.readiness.items).toHaveProperty(code);
    }
    // Everything that can be a problem or a warning says how to fix it.
    const good = ["store_on", "test_mode_off", "payment_method_not_needed"];
    const fixable = readinessCodes.filter((c) => !c.endsWith("_ok") && !good.includes(c));
    for (const messages of [en, pt]) {
      for (const code of fixable) expect(messages.readiness.fixes).toHaveProperty(code);
    }
  });

  it("formats every item and fix in both languages (no message is broken ICU)", () => {
    const params = Object.fromEntries(
      ["company", "fiscalId", "detail", "region", "account", "store", "country", "register", "title", "method"]
        .concat(["type", "rate", "exemption", "name", "found", "currency", "url", "events", "count"])
        .concat(["checked", "order", "shippingRate", "goodsRates"])
        .map((name) => [name, ["count", "rate", "checked", "shippingRate"].includes(name) ? 3 : `<${name}>`]),
    );
    for (const [messages, locale] of [
      [en, "en"],
      [pt, "pt-PT"],
    ] as const) {
      const words = readinessTranslator(messages, locale, (error) => {
        throw error;
      });
      for (const code of readinessCodes) {
        expect(words.item({ code, status: "fail", params })).not.toContain("readiness.");
        expect(words.fix({ code, status: "fail", params }) ?? "").not.toContain("readiness.");
      }
    }
  });

  it("prints a checklist with a verdict", () => {
    const lines = describeReadiness(evaluateReadiness(facts({}, { enabled: false })), "loja");
    expect(lines).toContain("  ✗ The store is off: paid orders are not invoiced");
    expect(lines).toContain("      How to fix: Switch the store on in its settings (or store:add --enabled yes).");
    expect(lines.at(-1)).toBe("loja: Not ready to invoice (1 problem).");
  });
});
