import { describe, expect, it } from "vitest";
import portuguese from "@/messages/pt-PT.json";
import { ServiceError, type ServiceErrorKind, type ServiceName } from "./errors";
import { describeServiceFailure, failureAnswer, failureOf, serviceFailure } from "./service-errors";

const refusal = (service: ServiceName, kind: ServiceErrorKind, message = "Campo inválido") =>
  new ServiceError({ service, kind, message, status: 400 });

describe("serviceFailure", () => {
  it("names the service and whether it refused the credentials, did not answer, or refused the request", () => {
    expect(serviceFailure(refusal("vendus", "auth"))?.code).toBe("vendus_auth");
    expect(serviceFailure(refusal("vendus", "transient"))?.code).toBe("vendus_unavailable");
    expect(serviceFailure(refusal("jumpseller", "rate_limited"))?.code).toBe("jumpseller_unavailable");
    for (const kind of ["validation", "not_found", "conflict"] as const)
      expect(serviceFailure(refusal("vendus", kind))).toEqual({ code: "vendus_error", detail: "Campo inválido" });
    expect(serviceFailure(new Error("connection reset"))).toBeNull();
  });

  it("keeps to one service when asked", () => {
    expect(failureOf("vendus", refusal("vendus", "auth"))?.code).toBe("vendus_auth");
    expect(failureOf("vendus", refusal("jumpseller", "auth"))).toBeNull();
    expect(failureOf("vendus", "not an error")).toBeNull();
  });
});

describe("describeServiceFailure", () => {
  it("says it in English by default and in the user's language when given their messages", () => {
    const failure = serviceFailure(refusal("vendus", "validation", "O NIF do cliente é inválido"))!;
    expect(describeServiceFailure(failure)).toBe("Vendus refused the request: O NIF do cliente é inválido");
    expect(describeServiceFailure(failure, portuguese, "pt-PT")).toBe(
      "O Vendus recusou o pedido: O NIF do cliente é inválido",
    );
    expect(describeServiceFailure({ code: "jumpseller_auth", detail: "401" }, portuguese, "pt-PT")).toBe(
      "A Jumpseller recusou o acesso do Ponte à loja: volte a ligar a loja.",
    );
  });

  it("has words for every service and reason, in every language", () => {
    for (const service of ["vendus", "jumpseller", "resend", "vies"] as const)
      for (const kind of ["auth", "transient", "validation"] as const)
        for (const [messages, locale] of [
          [undefined, "en"],
          [portuguese, "pt-PT"],
        ] as const) {
          const text = describeServiceFailure(serviceFailure(refusal(service, kind, "x")), messages, locale);
          expect(text).not.toContain("serviceErrors");
        }
  });

  it("is what a route answers, with the service's own words beside it", () => {
    expect(failureAnswer(serviceFailure(refusal("vendus", "transient", "HTTP 503")))).toEqual({
      status: 502,
      error: "vendus_unavailable",
      message: "Vendus did not answer. Try again in a few minutes.",
      detail: "HTTP 503",
    });
  });
});
