import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import pt from "@/messages/pt-PT.json";
import { jobErrorCodes } from "./error-codes";
import { describeJobError } from "./error-messages";
import { jobErrorTranslator } from "./error-translator";

const english = jobErrorTranslator(en, "en");
const portuguese = jobErrorTranslator(pt, "pt-PT");

describe("describeJobError", () => {
  it("says an invalid NIF in the reader's language, with the NIF, and keeps no link for an order's own data", () => {
    const error = { code: "invalid_nif", params: { nif: "123456780" }, message: 'The NIF "123456780" …' };
    expect(describeJobError(error, portuguese)).toEqual({
      code: "invalid_nif",
      label: "NIF inválido",
      message:
        "O NIF “123456780” indicado pelo cliente não é um NIF português válido (9 dígitos com dígito de controlo).",
      hint: expect.stringContaining("Corrija o NIF desta encomenda"),
      settingsField: null,
    });
    expect(describeJobError(error, english)?.message).toBe(
      "The NIF “123456780” given by the customer is not a valid Portuguese NIF (9 digits with a check digit).",
    );
  });

  it("formats the values as the reader writes them: the VAT rate and euros", () => {
    const rate = describeJobError(
      { code: "unknown_vat_rate", params: { rate: 6.5, region: "PT" }, message: "x" },
      portuguese,
    );
    expect(rate?.message).toBe("A encomenda cobra IVA a 6,5 %, que não é uma taxa da região da conta Vendus (PT).");
    expect(rate?.settingsField).toBe("defaultVatRate");
    const totals = { code: "totals_mismatch", params: { paid: "1234.50", computed: "1234.49" }, message: "x" };
    expect(describeJobError(totals, english)?.message).toBe(
      "The order was paid €1,234.50, but its lines add up to €1,234.49.",
    );
    expect(describeJobError(totals, portuguese)?.message).toMatch(
      /^A encomenda foi paga com 1234,50\s€, mas as suas linhas somam 1234,49\s€\.$/,
    );
  });

  it("says an outside service's answer with the service-error translator, quoting the service's words", () => {
    const error = {
      code: "vendus_error",
      params: { detail: "O campo x é inválido", serviceCode: "P001" },
      message: "…",
    };
    expect(describeJobError(error, portuguese)).toMatchObject({
      label: "Recusado pelo Vendus",
      message: "O Vendus recusou o pedido: O campo x é inválido",
    });
  });

  it("leaves the message to the stored text when the values are missing (a row stored before values were)", () => {
    const old = describeJobError({ code: "invalid_nif", params: null, message: "The NIF …" }, portuguese);
    expect(old).toMatchObject({ label: "NIF inválido", message: null });
  });

  it("knows no code it has no words for: older rows with a service's own code show their stored text", () => {
    expect(describeJobError({ code: "P001", params: null, message: "x" }, english)).toBeNull();
    expect(describeJobError({ code: null, params: null, message: "x" }, english)).toBeNull();
  });

  it("has a name, a message and what to do for every code, in every language", () => {
    for (const t of [english, portuguese]) {
      for (const code of jobErrorCodes) {
        const described = describeJobError({ code, params: {}, message: "detail" }, t)!;
        expect(described.label, code).not.toMatch(/jobErrors/);
        expect(described.hint, code).not.toMatch(/jobErrors/);
        const hasMessage = t.has(`jobErrors.codes.${code}.message`) || t.has(`serviceErrors.${code}`);
        expect(hasMessage, code).toBe(true);
      }
    }
  });
});
