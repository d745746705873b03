// Runs the Inngest stand-in on its own for local development where the Inngest dev server is unavailable:
//   tsx simulators/inngest/main.ts [--port 8288] [--serve-url http://127.0.0.1:3000/api/inngest]
// then start the app with INNGEST_DEV=http://127.0.0.1:8288. Not for production.
import { parseArgs } from "node:util";
import { startLocalInngestStandIn } from "./local-runner";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.INNGEST_STAND_IN_PORT ?? "8288" },
    "serve-url": { type: "string", default: process.env.INNGEST_STAND_IN_SERVE_URL },
  },
});

async function main() {
  const standIn = await startLocalInngestStandIn({
    port: Number(values.port),
    serveUrl: values["serve-url"],
    log: (message) => console.log(message),
  });
  console.log(`Inngest stand-in listening on ${standIn.url} (set INNGEST_DEV=${standIn.url} in the app)`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void standIn.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
