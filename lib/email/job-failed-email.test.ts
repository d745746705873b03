import { describe, expect, it } from "vitest";
import { renderJobFailedEmail, type JobFailedEmailProps } from "./job-failed-email";

const base: JobFailedEmailProps = {
  locale: "pt-PT",
  storeName: "Loja do Mar",
  kind: "invoice_order",
  subject: "1005",
  errorKind: "refused",
  errorCode: "invalid_nif",
  cause: 'The NIF "123456780" given by the customer is not a valid Portuguese NIF (9 digits with a check digit).',
  dashboardUrl: "https://ponte.example.pt/jobs?status=failed",
};

describe("job failed e-mail", () => {
  it("states the cause in Portuguese for a pt-PT reader, with the exact detail below", async () => {
    const email = await renderJobFailedEmail(base);
    expect(email.subject).toBe("Ponte: não foi possível concluir a fatura da encomenda #1005 (Loja do Mar)");
    expect(email.text).toContain("O NIF indicado pelo cliente não é um NIF português válido.");
    expect(email.text).toContain('Detalhe: The NIF "123456780"');
    expect(email.text).toContain("Corrija o problema indicado");
  });

  it("keeps the service's words alone when there is no summary for the code, and in English", async () => {
    const vendus = await renderJobFailedEmail({
      ...base,
      errorCode: "A001",
      cause: "A data do documento não pode ser anterior",
    });
    expect(vendus.text).toContain("A data do documento não pode ser anterior");
    expect(vendus.text).not.toContain("Detalhe:");

    const english = await renderJobFailedEmail({ ...base, locale: "en" });
    expect(english.subject).toBe("Ponte: could not complete the invoice for order #1005 (Loja do Mar)");
    expect(english.text).toContain('The NIF "123456780"');
    expect(english.text).not.toContain("NIF português");
  });
});
