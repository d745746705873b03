// Which services answered during a step. A breaker counts consecutive failures of one service; a step that
// reached Jumpseller says nothing about Vendus, so the count restarts only for the services that answered.
// The clients' fetch notes each answer in the step's async context (no change to the clients themselves).
import { AsyncLocalStorage } from "node:async_hooks";
import type { OutsideService } from "@/lib/generated/prisma/enums";

const current = new AsyncLocalStorage<Set<OutsideService>>();

/** Runs `work`, collecting the services that answered (any status below 500) while it ran. */
export async function collectAnswers<T>(work: () => Promise<T>): Promise<{ value: T; answered: Set<OutsideService> }> {
  const answered = new Set<OutsideService>();
  const value = await current.run(answered, work);
  return { value, answered };
}

/** A fetch that notes, for the running step, that `service` answered. */
export function answerNotingFetch(service: OutsideService, base: typeof fetch = (i, init) => fetch(i, init)) {
  const noting: typeof fetch = async (input, init) => {
    const response = await base(input, init);
    if (response.status < 500) current.getStore()?.add(service);
    return response;
  };
  return noting;
}
