import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isDatabaseUnavailableMessage } from "./db-availability";

// The shapes Prisma 7 with the pg adapter throws, recorded from a database whose connections were killed
// (pg_terminate_backend) and which then refused new ones (ALLOW_CONNECTIONS false).
const driverError = (originalCode: string, message: string) =>
  Object.assign(
    new Error(
      `Invalid \`prisma.$queryRaw()\` invocation:\n\nRaw query failed. Code: \`${originalCode}\`. Message: \`${message}\``,
    ),
    {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode, kind: "postgres", message } } },
    },
  );

describe("database availability", () => {
  it("recognises a killed connection, a database refusing connections and an unreachable server", () => {
    expect(isDatabaseUnavailable(driverError("57P01", "terminating connection due to administrator command"))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(driverError("55000", 'database "ponte" is not currently accepting connections'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(new Error("step failed", { cause: new Error("Connection terminated unexpectedly") })),
    ).toBe(true);
    // A pooled connection killed while idle, used by the next query.
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
  });

  it("does not take a query's own error for an outage", () => {
    expect(isDatabaseUnavailable(driverError("23505", "duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseUnavailable(driverError("55000", "object not in prerequisite state"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Job 1 has no prepared document"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("recognises it from the message alone, as a failed run reports it", () => {
    expect(isDatabaseUnavailableMessage(driverError("57P01", "terminating connection").message)).toBe(true);
    expect(isDatabaseUnavailableMessage("Vendus answered HTTP 503")).toBe(false);
    expect(isDatabaseUnavailableMessage(undefined)).toBe(false);
  });
});
