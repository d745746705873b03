// What a call that should fail with a ServiceError failed with.
import { expect } from "vitest";
import { ServiceError } from "@/lib/errors";

/** The ServiceError the promise rejects with; the test fails when it resolves or rejects with anything else. */
export async function serviceFailure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}
