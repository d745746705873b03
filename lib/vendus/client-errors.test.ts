import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { lisbonDay } from "@/lib/lisbon-time";
import { ServiceError } from "@/lib/errors";
import { startVendusSimulator } from "@/simulators/vendus";
import { sampleInvoice } from "@/simulators/vendus/testing";
import { createVendusClient } from "./client";
import { classifyVendusFailure, isReferenceTaken, parseErrorBody } from "./errors";
import { readRateLimit } from "./rate-limit";

const sim = await startVendusSimulator();
const options = { apiKey: sim.apiKeys[0]!, baseUrl: sim.url, retryDelayMs: 0 };
const vendus = createVendusClient(options);
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

function answering(status: number, body: string, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(body, { status, headers: { "Content-Type": "application/json", ...headers } });
}

describe("Vendus client: errors from the simulator", () => {
  it("auth: a wrong key is a 401", async () => {
    const stranger = createVendusClient({ ...options, apiKey: "not-a-key" });
    const error = await stranger.getAccount().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: "vendus", kind: "auth", status: 401, isRetriable: false });
  });

  it("validation: field errors come as 403 P001 with the Vendus message", async () => {
    const error = await vendus
      .createDocument(sampleInvoice({ client: { fiscal_id: "999999990", name: "CF" } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "validation",
      code: "P001",
      status: 403,
      message: "O campo client.fiscal_id não pode ser 999999990: para consumidor final não envie NIF.",
    });
  });

  it("validation: business rules come as 400 A001 in Portuguese", async () => {
    await vendus.createDocument(sampleInvoice());
    const today = lisbonDay(new Date());
    await expect(vendus.createDocument(sampleInvoice({ date: "2025-12-09" }))).rejects.toMatchObject({
      kind: "validation",
      code: "A001",
      status: 400,
      message: `A data do documento, 2025-12-09, não pode ser anterior à do último documento emitido, ${today}.`,
    });
  });

  it("a taken article reference is recognised (the sync adopts that article), other refusals are not", async () => {
    await vendus.createProduct({ title: "Livro azul", unit_id: 1, reference: "LIV-AZ-01" });
    const taken = await vendus
      .createProduct({ title: "Livro azul", unit_id: 1, reference: "LIV-AZ-01" })
      .catch((e: unknown) => e);
    expect(taken).toMatchObject({ kind: "validation", message: "Já existe um artigo com a referência LIV-AZ-01." });
    expect(isReferenceTaken(taken)).toBe(true);
    const untitled = await vendus.createProduct({ title: "", unit_id: 1, reference: "X" }).catch((e: unknown) => e);
    expect(isReferenceTaken(untitled)).toBe(false);
    const client = new ServiceError({
      service: "vendus",
      kind: "validation",
      message: "Já existe um cliente com o NIF 234567899.",
    });
    expect(isReferenceTaken(client)).toBe(false);
  });

  it("not_found: a single resource that does not exist", async () => {
    await expect(vendus.getDocument(424242, { mode: "normal" })).rejects.toMatchObject({
      kind: "not_found",
      status: 404,
    });
    await expect(vendus.getProduct(424242)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("rate_limited: 429 with retryAt from Rate-Limit-Reset, not retried", async () => {
    sim.control.rateLimitBurst({ resetSeconds: 30, count: 5 });
    const before = Date.now();
    const error = (await vendus.listTaxes().catch((e: unknown) => e)) as ServiceError;
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, isRetriable: true });
    expect(error.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    expect(error.retryAt!.getTime()).toBeLessThanOrEqual(Date.now() + 30_000);
    expect(sim.control.requests()).toHaveLength(1);
  });

  it("transient: a GET is retried through a passing 5xx", async () => {
    sim.control.failNext({ count: 2, status: 502 });
    await expect(vendus.listStores()).resolves.toHaveLength(2);
    expect(sim.control.requests().map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it("transient: a GET gives up after two retries", async () => {
    sim.control.failNext({ count: 3, status: 500 });
    await expect(vendus.getAccount()).rejects.toMatchObject({ kind: "transient", status: 500, isRetriable: true });
    expect(sim.control.requests()).toHaveLength(3);
  });

  it("transient: a POST that meets a 5xx is never retried", async () => {
    sim.control.failNext({ count: 1, status: 503, method: "POST", pathPrefix: "/documents/" });
    await expect(vendus.createDocument(sampleInvoice())).rejects.toMatchObject({ kind: "transient", status: 503 });
    expect(sim.control.requests()).toHaveLength(1);
    expect(sim.control.documents()).toHaveLength(0);
  });

  it("transient: a slow answer times out", async () => {
    sim.control.setLatency(1_000);
    const impatient = createVendusClient({ ...options, timeoutMs: 50, getRetries: 0 });
    await expect(impatient.listTaxes()).rejects.toMatchObject({
      kind: "transient",
      code: "TIMEOUT",
      message: "Vendus GET taxes/: no answer within 50 ms",
    });
  });

  it("transient: an unreadable 2xx answer", async () => {
    const garbled = createVendusClient({ ...options, fetch: answering(200, "<html>maintenance</html>") });
    await expect(garbled.getAccount()).rejects.toMatchObject({ kind: "transient", code: "BAD_RESPONSE" });
  });

  it("conflict: a 409, or a refused repeated tx_id", async () => {
    const conflict = createVendusClient({
      ...options,
      fetch: answering(409, '{"errors":[{"code":"A001","message":"Conflict"}]}'),
    });
    await expect(conflict.createDocument(sampleInvoice())).rejects.toMatchObject({ kind: "conflict", status: 409 });
    const repeated = createVendusClient({
      ...options,
      fetch: answering(400, '{"errors":[{"code":"A001","message":"Já existe um documento com este tx_id"}]}'),
    });
    await expect(repeated.createDocument(sampleInvoice())).rejects.toMatchObject({ kind: "conflict", code: "A001" });
  });
});

describe("classifyVendusFailure", () => {
  const call = (status: number, body: string, headers: Record<string, string> = {}) =>
    classifyVendusFailure({
      method: "POST",
      path: "documents/",
      status,
      headers: new Headers(headers),
      messages: parseErrorBody(body),
      now: new Date("2026-01-01T00:00:00Z"),
    });

  it("maps statuses and Vendus codes to kinds", () => {
    expect(call(403, "Forbidden").kind).toBe("auth");
    expect(call(403, '{"errors":[{"code":"P001","message":"x"}]}').kind).toBe("validation");
    expect(call(415, "").kind).toBe("validation");
    expect(call(422, '{"errors":[{"code":"P001","message":"x"}]}').kind).toBe("validation");
    expect(call(502, "<html/>").kind).toBe("transient");
    expect(call(400, '{"errors":[{"code":"P001","message":"O campo tx_id é inválido."}]}').kind).toBe("validation");
  });

  it("keeps every message, joined, and the first code", () => {
    const error = call(
      403,
      '{"errors":[{"code":"P001","message":"O campo title é obrigatório."},{"code":"P001","message":"O campo unit_id é obrigatório."}]}',
    );
    expect(error.message).toBe("O campo title é obrigatório.; O campo unit_id é obrigatório.");
    expect(error.code).toBe("P001");
    expect(call(500, "").message).toBe("Vendus answered HTTP 500 to POST documents/");
  });

  it("dates a 429 from Rate-Limit-Reset, else Retry-After, else a minute", () => {
    expect(call(429, "", { "Rate-Limit-Reset": "12" }).retryAt).toEqual(new Date("2026-01-01T00:00:12Z"));
    expect(call(429, "", { "Retry-After": "5" }).retryAt).toEqual(new Date("2026-01-01T00:00:05Z"));
    expect(call(429, "").retryAt).toEqual(new Date("2026-01-01T00:01:00Z"));
  });
});

describe("readRateLimit", () => {
  it("reads the four headers, or null when there are none", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const headers = new Headers({
      "Rate-Limit-Limit": "100",
      "Rate-Limit-Remaining": "99",
      "Rate-Limit-Used": "1",
      "Rate-Limit-Reset": "20",
    });
    expect(readRateLimit(headers, now)).toEqual({
      limit: 100,
      remaining: 99,
      used: 1,
      resetSeconds: 20,
      resetAt: new Date("2026-03-01T10:00:20Z"),
    });
    expect(readRateLimit(new Headers(), now)).toBeNull();
  });
});
