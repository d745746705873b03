// `npm run dev`: the whole processing on one machine. Starts the Vendus and Jumpseller simulators (unless
// VENDUS_API_URL / JUMPSELLER_API_URL point elsewhere), a local Inngest server (the stand-in from
// tests/support, as the real dev server cannot be installed here; if INNGEST_DEV is already a URL, that
// server is used instead), and `next dev` wired to them, then syncs the app's functions.
// Needs DATABASE_URL (migrated: npm run db:migrate). `npm run demo` is the zero-setup variant.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startJumpsellerSimulator } from "../simulators/jumpseller";
import { DEFAULT_SIMULATOR_API_KEY, demoSeed, startVendusSimulator } from "../simulators/vendus";
import { startInngestStandIn } from "../tests/support/inngest-stand-in";

const closers: (() => Promise<unknown> | void)[] = [];
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

async function waitForApp(url: string, child: ChildProcess, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next dev exited with code ${child.exitCode}`);
    // The first request also compiles the route in development.
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set (see .env.example), so Ponte has no database to use.\n" +
      "Set it and run `npm run db:migrate`, or run `npm run demo` for a zero-setup demo with an embedded database.");
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
  const lines: string[] = [];

  if (!process.env.VENDUS_API_URL) {
    const vendus = await startVendusSimulator({ port: Number(process.env.VENDUS_SIM_PORT ?? 4510) });
    vendus.control.seed(demoSeed);
    closers.push(() => vendus.close());
    env.VENDUS_API_URL = vendus.url;
    lines.push(`Vendus simulator     ${vendus.url}  (API key ${DEFAULT_SIMULATOR_API_KEY}; registers 101 normal, 102 tests)`);
  }
  if (!process.env.JUMPSELLER_API_URL) {
    const js = await startJumpsellerSimulator({ port: Number(process.env.JUMPSELLER_SIM_PORT ?? 4520), storeCode: sim.code, ...sim });
    closers.push(() => js.close());
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
    closers.push(() => standIn!.close());
    env.INNGEST_DEV = standIn.url;
    env.INNGEST_BASE_URL = standIn.url;
    lines.push(`Inngest (stand-in)   ${standIn.url}  (runs: ${standIn.url}/stand-in/runs)`);
  } else {
    lines.push(`Inngest dev server   ${devServer}`);
  }

  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const next = spawn(process.execPath, [nextBin, "dev", "-p", port], { env, stdio: "inherit" });
  closers.unshift(() => void next.kill("SIGTERM"));
  next.on("exit", (code) => void shutdown(code ?? 0));

  const serveUrl = `http://localhost:${port}/api/inngest`;
  await waitForApp(serveUrl, next);
  if (standIn) {
    await standIn.register(serveUrl);
    // The stand-in fires crons only when ticked: dispatch-waiting every minute, reconcile every 15.
    const tick = () => standIn!.tick(new Date());
    const timer = setInterval(tick, 60_000);
    closers.push(() => clearInterval(timer));
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

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const close of closers) await Promise.resolve(close()).catch(() => undefined);
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
