// A service whose breaker is open, met by a run already under way: the run waits with the others (its job is
// parked until the probe finds the service back), without calling the service and without counting a failure.
import type { OutsideService } from "@/lib/generated/prisma/enums";

export class ServiceUnavailableNow extends Error {
  constructor(
    readonly service: OutsideService,
    readonly breakerId: string | null,
  ) {
    super(`${service} is unavailable (its breaker is open): the job waits for it`);
    this.name = "ServiceUnavailableNow";
  }
}
