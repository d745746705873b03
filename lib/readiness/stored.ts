// The verdict kept on the store row (Store.readiness, JSON), read back safely: a row written by an older
// Ponte, or by hand, reads as "not checked" rather than breaking a page.
import { z } from "zod";
import { readinessCodes, type Readiness } from "./evaluate";

const storedSchema = z.object({
  ready: z.boolean(),
  checkedAt: z.string(),
  items: z.array(
    z.object({
      code: z.enum(readinessCodes),
      status: z.enum(["ok", "warn", "fail"]),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
});

export function readStoredReadiness(value: unknown): Readiness | null {
  const parsed = storedSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
