// `npm start`: the production server. Next's own `next start` does the same, with one difference that matters
// for security: it cannot tell the app which address a connection comes from once a client sends its own
// X-Forwarded-For. This server puts the socket's address in a header of its own on every request (replacing any
// copy the client sent), so that the sign-in throttle and the webhook log can count from a fact
// (lib/client-address.ts). It also answers webhook deliveries itself, without Next's request machinery (see
// webhookIngest below). Flags as `next start`: -p/--port (or PORT, default 3000), -H/--hostname.
import { createServer, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { clientAddress, peerHeader, trustPeerHeader } from "../lib/client-address";
import { getEnv } from "../lib/env";
import { loadEnvFiles } from "../lib/env-files";
import { timingPrefix, watchProcessTiming } from "./process-timing";

// The same files Next reads, read first, so that PORT (and everything else) may come from .env too.
loadEnvFiles({ development: false });
const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

async function main() {
  trustPeerHeader();
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const env = getEnv();
  const timing = env.PONTE_TIMING ? watchProcessTiming((s) => console.log(timingPrefix + JSON.stringify(s))) : null;
  const webhooks = await webhookIngest();
  const { isWebhookDelivery, serveWebhook } = webhooks;
  const server = createServer((req, res) => {
    req.headers[peerHeader] = req.socket.remoteAddress ?? "";
    if (timing) noteAnswerTime(res, timing.note);
    if (isWebhookDelivery(req)) {
      void serveWebhook(webhooks.deps, req, res, {
        remoteAddr: clientAddress(req.headers, env.PONTE_TRUSTED_PROXIES),
        timing: env.PONTE_TIMING,
        afterAnswer: webhooks.afterAnswer,
      });
      return;
    }
    void handle(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`Ponte is listening on http://${hostname ?? "0.0.0.0"}:${port}`);
  });
  const stop = () => {
    // Finish the requests in flight (and their after() work, the deliveries' dispatches), then let Next close.
    server.close(
      () =>
        void webhooks
          .settle()
          .then(() => app.close())
          .finally(() => process.exit(0)),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/**
 * Webhook deliveries are answered by this server itself (lib/ingest/node-handler.ts), over a database client of
 * their own: the modules loaded here are not the copies in Next's build, and a client's errors are checked
 * against its own module's classes. Their follow-ups (sending the jobs to Inngest) run after the answer, and a
 * stopping server waits for them; a dispatch that fails leaves its job to the scheduled dispatcher.
 */
async function webhookIngest() {
  // Loaded once the .env files are read and Next has set the mode: the Inngest client reads both when made.
  const { createDb } = await import("../lib/db");
  const { isWebhookDelivery, serveWebhook, serverIngestDeps } = await import("../lib/ingest");
  const db = createDb();
  const deps = serverIngestDeps(db);
  const running = new Set<Promise<void>>();
  return {
    deps,
    isWebhookDelivery,
    serveWebhook,
    afterAnswer(followUp: () => Promise<void>) {
      const work = followUp()
        .catch((error: unknown) => console.error("Webhook follow-up failed:", error))
        .finally(() => running.delete(work));
      running.add(work);
    },
    async settle() {
      await Promise.all(running);
      await db.$disconnect();
    },
  };
}

/**
 * Measuring only (PONTE_TIMING): the time from the request reaching this server to its answer's head being
 * written, added to the answer's Server-Timing header as `server` (Next's own work included) and noted.
 */
function noteAnswerTime(res: ServerResponse, note: (ms: number) => void) {
  const arrived = performance.now();
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    const ms = performance.now() - arrived;
    note(ms);
    const previous = res.getHeader("server-timing");
    res.setHeader("server-timing", `${previous ? `${String(previous)}, ` : ""}server;dur=${ms.toFixed(2)}`);
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
