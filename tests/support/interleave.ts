// Forcing an interleaving between two functions: `between` runs once, right before the first outgoing request
// that `matches` leaves this process, and the request goes on only when it is done. Everything else passes.
import { vi } from "vitest";

export interface OutgoingRequest {
  url: URL;
  method: string;
  body: string;
}

export function interleaveBefore(matches: (request: OutgoingRequest) => boolean, between: () => Promise<void>) {
  const realFetch = globalThis.fetch;
  let happened = false;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const request = { url, method: init?.method ?? "GET", body: typeof init?.body === "string" ? init.body : "" };
    if (!happened && matches(request)) {
      happened = true;
      await between();
    }
    return realFetch(input, init);
  });
  return { happened: () => happened };
}
