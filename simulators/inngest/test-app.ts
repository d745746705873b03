// Test helper: a stand-in plus a tiny app serving real Inngest functions with `serve` from `inngest/node`,
// its client in dev mode pointed at the stand-in, synced before the test body runs.
import { createServer } from "node:http";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { onTestFinished } from "vitest";
import { closeServer, listen } from "../shared/http";
import { startInngestStandIn, type InngestStandIn, type InngestStandInOptions } from "./index";

export const TEST_APP_ID = "stand-in-test";

type Functions = Parameters<typeof serve>[0]["functions"];

// The functions under test throw on purpose; the SDK would log each of those errors to the console.
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

export async function startStandInWithApp(
  defineFunctions: (client: Inngest) => Functions,
  options: InngestStandInOptions = {},
  /** Client options; by default dev mode with `baseUrl` set to the stand-in. */
  clientOptions: (standInUrl: string) => Partial<ConstructorParameters<typeof Inngest>[0]> = (url) => ({
    isDev: true,
    baseUrl: url,
  }),
): Promise<{ standIn: InngestStandIn; client: Inngest; serveUrl: string }> {
  const standIn = await startInngestStandIn({ retryDelayMs: () => 1, ...options });
  // In dev mode the SDK skips request signing and sends events and the sync to `baseUrl`.
  const client = new Inngest({ id: TEST_APP_ID, logger: quiet, ...clientOptions(standIn.url) });
  const handler = serve({ client, functions: defineFunctions(client) });
  const app = createServer((req, res) => void handler(req, res));
  const port = await listen(app, 0);
  const serveUrl = `http://127.0.0.1:${port}/api/inngest`;
  onTestFinished(async () => {
    await standIn.close();
    await closeServer(app);
  });
  await standIn.register(serveUrl);
  return { standIn, client, serveUrl };
}
