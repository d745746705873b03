import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { ServiceError } from "@/lib/errors";
import { DataProblem } from "@/lib/pipeline/errors";
import { createFunctionLogger } from "./logger";

function capture() {
  const lines: { level: string; args: unknown[] }[] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      void lines.push({ level, args });
  return {
    lines,
    logger: createFunctionLogger({ error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") }),
  };
}

describe("the functions' logger", () => {
  it("prints an order refused for its data once, on one line, without a stack", () => {
    const { lines, logger } = capture();
    const refused = new NonRetriableError("The NIF is not valid.", {
      cause: new DataProblem("invalid_nif", "The NIF is not valid."),
    });
    logger.error({ err: refused }, "Inngest step error");
    logger.error({ err: refused }, "Inngest function error");
    expect(lines).toEqual([{ level: "error", args: ["Job stopped: The NIF is not valid. [invalid_nif]"] }]);
  });

  it("prints a step that will be retried as one warning", () => {
    const { lines, logger } = capture();
    const down = new ServiceError({
      service: "vendus",
      kind: "transient",
      message: "Vendus answered 503",
      status: 503,
    });
    logger.error({ err: down }, "Inngest step error");
    const limited = new RetryAfterError("Too Many Requests", new Date(), {
      cause: new ServiceError({ service: "vendus", kind: "rate_limited", message: "Too Many Requests", status: 429 }),
    });
    logger.error({ err: limited }, "Inngest step error");
    expect(lines).toEqual([
      { level: "warn", args: ["Job step failed, retrying: Vendus answered 503 [HTTP 503]"] },
      { level: "warn", args: ["Job step failed, retrying: Too Many Requests [HTTP 429]"] },
    ]);
  });

  it("keeps everything of an error nobody expected", () => {
    const { lines, logger } = capture();
    const bug = new TypeError("Cannot read properties of undefined");
    logger.error({ err: bug }, "Inngest function error");
    logger.error("plain message");
    expect(lines).toEqual([
      { level: "error", args: ["Inngest function error", bug] },
      { level: "error", args: ["plain message"] },
    ]);
  });
});
