import { describe, expect, it } from "vitest";
import type { JobErrorCode } from "@/lib/jobs/error-codes";
import { describeJobError } from "@/lib/jobs/error-messages";
import { jobErrorTranslator } from "@/lib/jobs/error-translator";
import en from "@/messages/en.json";
import pt from "@/messages/pt-PT.json";
import { renderJobFailedEmail, type JobFailedEmailProps } from "./job-failed-email";

const base: JobFailedEmailProps = {
  locale: "pt-PT",
  storeName: "Loja do Mar",
  kind: "invoice_order",
  subject: "1005",
  errorKind: "refused",
  errorCode: "invalid_nif",
  errorParams: { nif: "123456780" },
  cause: 'The NIF "123456780" given by the customer is not a valid Portuguese NIF (9 digits with a check digit).',
  dashboardUrl: "https://ponte.example.pt/jobs?status=failed",
};

/** The e-mail's plain text on one line (the text version wraps long lines). */
async function emailText(props: JobFailedEmailProps) {
  const email = await renderJobFailedEmail(props);
  return { subject: email.subject, text: email.text.replace(/\s+/g, " ") };
}

// The dashboard's words for an error (components/jobs/job-error.tsx reads them the same way).
const dashboard = {
  "pt-PT": jobErrorTranslator(pt, "pt-PT"),
  en: jobErrorTranslator(en, "en"),
};

describe("job failed e-mail", () => {
  it("states the cause in Portuguese as the dashboard does, with what to do and the exact detail below", async () => {
    const email = await emailText(base);
    expect(email.subject).toBe("Ponte: não foi possível concluir a fatura da encomenda #1005 (Loja do Mar)");
    expect(email.text).toContain("Causa: NIF inválido");
    expect(email.text).toContain(
      "O NIF “123456780” indicado pelo cliente não é um NIF português válido (9 dígitos com dígito de controlo).",
    );
    expect(email.text).toContain("Corrija o NIF desta encomenda na sua página");
    expect(email.text).toContain('Detalhe técnico: The NIF "123456780"');
    expect(email.text).toContain("Corrija o problema indicado");
  });

  it("uses the dashboard's description of the causes, in both languages", async () => {
    // One of each family: the engine's, the store's settings, a credit note's, the pipeline's, a service's.
    const codes: JobErrorCode[] = [
      "currency",
      "missing_payment_method",
      "over_credit",
      "no_unit",
      "vendus_unavailable",
    ];
    for (const locale of ["pt-PT", "en"] as const) {
      for (const code of codes) {
        const described = describeJobError({ code, params: {}, message: "detail" }, dashboard[locale])!;
        const email = await emailText({ ...base, locale, errorCode: code, errorParams: {}, cause: "detail" });
        expect(email.text, `${locale} ${code}`).toContain(described.label);
        expect(email.text, `${locale} ${code}`).toContain(described.hint.replace(/\s+/g, " "));
      }
    }
  });

  it("shows the stored text when the values do not fill the message (a row stored before values were)", async () => {
    const email = await emailText({ ...base, errorParams: null });
    expect(email.text).toContain("Causa: NIF inválido");
    expect(email.text).toContain('The NIF "123456780" given by the customer');
    expect(email.text).not.toContain("“{nif}”");
  });

  it("keeps the service's words alone when the code is not one of Ponte's, and in English", async () => {
    const vendus = await emailText({
      ...base,
      errorCode: "A001",
      cause: "A data do documento não pode ser anterior",
    });
    expect(vendus.text).toContain("A data do documento não pode ser anterior");
    expect(vendus.text).not.toContain("Detalhe técnico");

    const english = await emailText({ ...base, locale: "en" });
    expect(english.subject).toBe("Ponte: could not complete the invoice for order #1005 (Loja do Mar)");
    expect(english.text).toContain("Cause: Invalid NIF");
    expect(english.text).toContain(
      "The NIF “123456780” given by the customer is not a valid Portuguese NIF (9 digits with a check digit).",
    );
    expect(english.text).toContain('Technical detail: The NIF "123456780"');
    expect(english.text).not.toContain("NIF português");
  });
});
