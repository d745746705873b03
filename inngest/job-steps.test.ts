// How a step's failure becomes Inngest's retry decision, and what is written on the job meanwhile.
import { NonRetriableError, RetryAfterError } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { ServiceError } from "@/lib/errors";
import { DataProblem } from "@/lib/pipeline/errors";
import { setPipelineServices, type PipelineServices } from "@/lib/pipeline/services";
import { guarded } from "./job-steps";

function fakeServices() {
  const recorded: unknown[] = [];
  const services = {
    db: { job: { updateMany: async (args: unknown) => (recorded.push(args), { count: 1 }) } },
    publicUrl: "http://ponte.test",
    forStore: async () => {
      throw new Error("not used");
    },
  } as unknown as PipelineServices;
  setPipelineServices(services);
  return recorded;
}

const ref = { jobId: "job-1", dispatchCount: 2 };
const failWith = (error: unknown) => guarded(ref, async () => Promise.reject(error))();

describe("guarded step bodies", () => {
  afterEach(() => setPipelineServices(null));

  it("stops at once on a data problem, with the actionable message recorded on the job", async () => {
    const recorded = fakeServices();
    const error = await failWith(new DataProblem("invalid_nif", 'The NIF "1" is not valid. Correct it in Jumpseller.')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetriableError);
    expect((error as Error).message).toContain("Correct it in Jumpseller");
    expect(recorded).toEqual([
      {
        where: { id: "job-1", dispatchCount: 2 },
        data: { lastErrorKind: "refused", lastErrorCode: "invalid_nif", lastErrorMessage: 'The NIF "1" is not valid. Correct it in Jumpseller.' },
      },
    ]);
  });

  it("stops at once on a Vendus validation error (403 P001)", async () => {
    const recorded = fakeServices();
    const refused = new ServiceError({ service: "vendus", kind: "validation", code: "P001", status: 403, message: "O campo x é inválido" });
    const error = await failWith(refused).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetriableError);
    expect(recorded).toMatchObject([{ data: { lastErrorKind: "validation", lastErrorCode: "P001" } }]);
  });

  it("waits until the service's reset on a 429", async () => {
    fakeServices();
    const retryAt = new Date(Date.now() + 30_000);
    const error = await failWith(new ServiceError({ service: "vendus", kind: "rate_limited", status: 429, message: "Too Many Requests", retryAt })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryAfterError);
    expect((error as RetryAfterError).retryAfter).toBe(retryAt.toISOString());
  });

  it("lets transient errors through for Inngest's backoff", async () => {
    const recorded = fakeServices();
    const transient = new ServiceError({ service: "vendus", kind: "transient", status: 500, message: "Vendus POST documents/: HTTP 500" });
    const error = await failWith(transient).catch((e: unknown) => e);
    expect(error).toBe(transient);
    expect(recorded).toHaveLength(1);
  });
});
