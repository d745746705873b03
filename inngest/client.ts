// The Inngest client. Mode and addresses come from the environment, read by the SDK itself:
// INNGEST_DEV=1 (or the dev server's URL) for local development, INNGEST_BASE_URL for a self-hosted server,
// INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY for Inngest Cloud or a self-hosted server with keys.
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "ponte" });
