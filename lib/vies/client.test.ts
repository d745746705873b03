// The VIES client against the VIES simulator: answers, unavailability (transient) and bad input (validation).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceError } from "@/lib/errors";
import { startViesSimulator, type ViesSimulator } from "@/simulators/vies/server";
import { createViesClient } from "./client";

describe("VIES client", () => {
  let vies: ViesSimulator;
  beforeAll(async () => {
    vies = await startViesSimulator({
      registered: { EL094259216: { name: "ΕΤΑΙΡΕΙΑ Α.Ε.", address: "Αθήνα" } },
      clock: () => new Date("2026-03-02T10:00:00Z"),
    });
  });
  afterAll(async () => vies?.close());

  it("sends the prefix and the national number apart, and reads a registered number", async () => {
    const answer = await createViesClient({ baseUrl: vies.url }).check("EL094259216");
    expect(vies.requests.at(-1)).toEqual({ countryCode: "EL", vatNumber: "094259216" });
    expect(answer).toEqual({
      vatNumber: "EL094259216",
      valid: true,
      requestDate: "2026-03-02T10:00:00.000Z",
      requestIdentifier: expect.stringMatching(/^WAPIAAAA\d{8}$/),
      name: "ΕΤΑΙΡΕΙΑ Α.Ε.",
      address: "Αθήνα",
    });
  });

  it("reads an unregistered number as not valid, without a name", async () => {
    const answer = await createViesClient({ baseUrl: vies.url }).check("DE129273398");
    expect(answer).toMatchObject({ vatNumber: "DE129273398", valid: false, name: null, address: null });
  });

  it("an unavailable member state (HTTP 200, actionSucceed false) is a transient error, not an answer", async () => {
    vies.failNext("MS_UNAVAILABLE");
    const error = await createViesClient({ baseUrl: vies.url })
      .check("EL094259216")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: "vies", kind: "transient", code: "MS_UNAVAILABLE" });
  });

  it("bad input is a validation error; no answer at all is transient", async () => {
    vies.failNext("INVALID_INPUT");
    await expect(createViesClient({ baseUrl: vies.url }).check("EL094259216")).rejects.toMatchObject({
      kind: "validation",
      code: "INVALID_INPUT",
    });
    await expect(
      createViesClient({ baseUrl: "http://127.0.0.1:9", timeoutMs: 500 }).check("EL094259216"),
    ).rejects.toMatchObject({
      kind: "transient",
    });
  });
});
