// The Inngest client. Mode and addresses come from the environment, read by the SDK itself:
// INNGEST_DEV=1 (or the dev server's URL) for local development, INNGEST_BASE_URL for a self-hosted server,
// INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY for Inngest Cloud or a self-hosted server with keys.
// A production server is always in cloud mode, whatever INNGEST_DEV says: in dev mode the SDK would run any
// unsigned call to /api/inngest (the start-up check refuses INNGEST_DEV in production as well).
// Failures the jobs expect (a refused order, a service to retry) are logged as one line (./logger.ts).
import { Inngest } from "inngest";
import { createFunctionLogger } from "./logger";

export const inngest = new Inngest({
  id: "ponte",
  logger: createFunctionLogger(),
  ...(process.env.NODE_ENV === "production" ? { isDev: false } : {}),
});
