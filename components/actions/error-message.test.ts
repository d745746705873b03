import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import english from "@/messages/en.json";
import portuguese from "@/messages/pt-PT.json";
import { errorMessageFrom } from "./error-message";

function errorMessage(messages: typeof english, locale: string, place: "actions.pdf.errors" | "connect.errors") {
  return errorMessageFrom(
    createTranslator({ locale, messages, namespace: "serviceErrors" }),
    createTranslator({ locale, messages, namespace: place }),
  );
}

describe("errorMessageFrom", () => {
  it("says a service's failure in the shared words, whatever the place", () => {
    expect(errorMessage(portuguese, "pt-PT", "actions.pdf.errors")("vendus_error", "Not found")).toBe(
      "O Vendus recusou o pedido: Not found",
    );
    expect(errorMessage(english, "en", "connect.errors")("vendus_unavailable")).toBe(
      "Vendus did not answer. Try again in a few minutes.",
    );
  });

  it("says the place's own errors in its words, and its 'unknown' for a code nobody knows", () => {
    expect(errorMessage(english, "en", "actions.pdf.errors")("not_found")).toBe(english.actions.pdf.errors.not_found);
    expect(errorMessage(portuguese, "pt-PT", "connect.errors")("no_such_code")).toBe(portuguese.connect.errors.unknown);
  });
});
