// `npm run dev`: the whole processing on one machine. Starts the Vendus and Jumpseller simulators (unless
// VENDUS_API_URL / JUMPSELLER_API_URL point elsewhere), a local Inngest server (the stand-in from
// simulators/inngest, as the real dev server cannot be installed here; if INNGEST_DEV is already a URL, that
// server is used instead), and `next dev` wired to them, then syncs the app's functions.
// Needs DATABASE_URL (migrated: npm run db:migrate). `npm run demo` is the zero-setup variant.
import { ConfigError, requireEnv } from "../lib/env";
import { loadEnvFiles } from "../lib/env-files";
import { startJumpsellerSimulator } from "../simulators/jumpseller";
import { DEFAULT_SIMULATOR_API_KEY, demoSeed, startVendusSimulator } from "../simulators/vendus";
import { startInngestStandIn } from "../simulators/inngest";
import { onShutdown, runScript, startNextDev, waitForUrl } from "./processes";

loadEnvFiles({ development: true });
const port = process.env.PORT ?? "3000";
const sim = {
  code: process.env.JUMPSELLER_SIM_STORE_CODE ?? "ponte-demo",
  login: process.env.JUMPSELLER_SIM_LOGIN ?? "demo-login",
  authtoken: process.env.JUMPSELLER_SIM_AUTHTOKEN ?? "demo-authtoken-0123456789abcdef01",
  hooksToken: process.env.JUMPSELLER_SIM_HOOKS_TOKEN ?? "demo-hooks-token",
};

function explicitUrl(value: string | undefined): string | null {
  if (!value || !/^https?:\/\//.test(value)) return null;
  return value;
}

async function main() {
  try {
    requireEnv("database");
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(
      `${error.message}\nSet it in .env and run \`npm run db:migrate\`, or run \`npm run demo\` for a zero-setup demo ` +
        "with an embedded database.",
    );
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  const lines: string[] = [];

  if (!process.env.VENDUS_API_URL) {
    const vendus = await startVendusSimulator({ port: Number(process.env.VENDUS_SIM_PORT ?? 4510) });
    vendus.control.seed(demoSeed);
    onShutdown(() => vendus.close());
    env.VENDUS_API_URL = vendus.url;
    lines.push(
      `Vendus simulator     ${vendus.url}  (API key ${DEFAULT_SIMULATOR_API_KEY}; registers 101 normal, 102 tests)`,
    );
  }
  if (!process.env.JUMPSELLER_API_URL) {
    const js = await startJumpsellerSimulator({
      port: Number(process.env.JUMPSELLER_SIM_PORT ?? 4520),
      storeCode: sim.code,
      ...sim,
    });
    onShutdown(() => js.close());
    env.JUMPSELLER_API_URL = js.url;
    env.JUMPSELLER_AUTH_URL = js.authUrl;
    lines.push(`Jumpseller simulator ${js.url}  (store ${sim.code}; control ${js.authUrl}/__control/)`);
  }
  const devServer = explicitUrl(process.env.INNGEST_DEV);
  let standIn: Awaited<ReturnType<typeof startInngestStandIn>> | null = null;
  if (!devServer) {
    standIn = await startInngestStandIn({
      port: Number(process.env.INNGEST_STAND_IN_PORT ?? 8288),
      log: process.env.INNGEST_STAND_IN_LOG ? (message) => console.log(message) : undefined,
    });
    onShutdown(() => standIn!.close());
    env.INNGEST_DEV = standIn.url;
    env.INNGEST_BASE_URL = standIn.url;
    lines.push(`Inngest (stand-in)   ${standIn.url}  (runs: ${standIn.url}/stand-in/runs)`);
  } else {
    lines.push(`Inngest dev server   ${devServer}`);
  }

  const next = startNextDev(port, env, "inherit");

  const serveUrl = `http://localhost:${port}/api/inngest`;
  await waitForUrl(serveUrl, next, 180_000);
  if (standIn) {
    await standIn.register(serveUrl);
    // The stand-in fires crons only when ticked: dispatch-waiting every minute, reconcile every 15.
    const tick = () => standIn!.tick(new Date());
    const timer = setInterval(tick, 60_000);
    onShutdown(() => clearInterval(timer));
  } else {
    // A PUT makes the SDK sync its functions with the dev server named in INNGEST_DEV.
    const sync = await fetch(serveUrl, { method: "PUT" });
    if (!sync.ok) console.warn(`Syncing with ${devServer} failed: HTTP ${sync.status} ${await sync.text()}`);
  }

  const simulated = !process.env.JUMPSELLER_API_URL && !process.env.VENDUS_API_URL;
  console.log(["", `Ponte is running at ${env.NEXTAUTH_URL}`, ...lines.map((l) => `  ${l}`)].join("\n"));
  if (simulated) {
    console.log(`
Connect the simulated store once (in another terminal, with the same DATABASE_URL):
  npm run ponte -- store:add --code ${sim.code} --name "Loja Demo" --vendus-key ${DEFAULT_SIMULATOR_API_KEY} \\
    --jumpseller-login ${sim.login} --jumpseller-token ${sim.authtoken} --hooks-token ${sim.hooksToken} \\
    --register 102 --payment-method 304
  JUMPSELLER_API_URL=${env.JUMPSELLER_API_URL} NEXTAUTH_URL=${env.NEXTAUTH_URL} npm run ponte -- store:hooks --store ${sim.code}
Then pay an order in the simulator; its order_paid webhook becomes a document in the Vendus simulator:
  curl -s -X POST ${env.JUMPSELLER_AUTH_URL}/__control/orders -H 'Content-Type: application/json' \\
    -d '{"products":[{"name":"Caneca","sku":"CAN-001","qty":1,"price":12.5}],"nif":"123456789"}'
  curl -s -X POST ${env.JUMPSELLER_AUTH_URL}/__control/orders/<id>/pay`);
  }
}

runScript(main, (error) => (error instanceof Error ? error.message : String(error)));
