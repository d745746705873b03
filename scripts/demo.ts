// `npm run demo`: Ponte with nothing to set up. An embedded PostgreSQL (PGlite, in memory), the Vendus and
// Jumpseller simulators, a local runner for the Inngest functions, demo users and stores, and a shop that
// plays for real: orders are paid in the simulated Jumpseller, its webhooks reach Ponte, and the invoices
// are issued in the simulated Vendus. Everything is gone when it stops.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrationsWith } from "../lib/migrate";
import { startJumpsellerSimulator } from "../simulators/jumpseller";
import { DEFAULT_SIMULATOR_API_KEY, demoSeed, startVendusSimulator } from "../simulators/vendus";
import { startInngestStandIn } from "../tests/support/inngest-stand-in";
import { startResendFake } from "../tests/support/resend-fake";
import { playDemoShop } from "./demo-shop";

const port = Number(process.env.PORT ?? 3000);
const appUrl = `http://localhost:${port}`;
const live = { code: "ponte-demo", login: "ponte-demo", authtoken: randomBytes(16).toString("hex"), hooksToken: randomBytes(16).toString("hex") };
const closers: (() => Promise<unknown> | void)[] = [];

function step(message: string) {
  console.log(`• ${message}`);
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web server exited with code ${child.exitCode}`);
    if (await fetch(url).then((r) => r.status < 500, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main() {
  step("Starting the embedded database (PGlite)…");
  const pglite = new PGlite({ extensions: { pg_trgm } });
  await applyMigrationsWith(new PrismaPGlite(pglite));
  const dbServer = new PGLiteSocketServer({ db: pglite, port: 0, host: "127.0.0.1", maxConnections: 50 });
  await dbServer.start();
  closers.push(async () => {
    await dbServer.stop();
    await pglite.close();
  });
  const databaseUrl = `postgresql://postgres@${dbServer.getServerConn()}/postgres?sslmode=disable`;

  step("Starting the Vendus and Jumpseller simulators and the local Inngest runner…");
  const demoKeys = ["loja-do-mar", "casa-verde", "papelaria-lima"].map((code) => `demo-vendus-key-${code}`);
  const vendus = await startVendusSimulator({ port: 0, apiKeys: [DEFAULT_SIMULATOR_API_KEY, ...demoKeys] });
  vendus.control.seed(demoSeed);
  const jumpseller = await startJumpsellerSimulator({ port: 0, storeCode: live.code, storeName: "Loja Online Demo", ...live });
  const inngest = await startInngestStandIn({ port: 0 });
  // E-mails go to a local mailbox instead of Resend; the summary below prints what was sent.
  const mailbox = await startResendFake();
  closers.push(() => inngest.close(), () => jumpseller.close(), () => vendus.close(), () => mailbox.close());

  // One process environment for this script and the web server it starts.
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: "8",
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64"),
    PONTE_ENCRYPTION_KEY: process.env.PONTE_ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
    VENDUS_API_URL: vendus.url,
    JUMPSELLER_API_URL: jumpseller.url,
    JUMPSELLER_AUTH_URL: jumpseller.authUrl,
    INNGEST_DEV: inngest.url,
    INNGEST_BASE_URL: inngest.url,
    RESEND_API_KEY: "demo",
    RESEND_BASE_URL: mailbox.url,
    NEXT_TELEMETRY_DISABLED: "1",
  });

  step("Seeding users, stores and order history…");
  const { db } = await import("../lib/db");
  const { seedDemoData, demoUsers, demoPassword } = await import("../lib/demo/seed");
  const { connectStore } = await import("../lib/stores");
  await seedDemoData(db);
  const liveStore = await connectStore(db, {
    code: live.code,
    vendusApiKey: DEFAULT_SIMULATOR_API_KEY,
    hooksToken: live.hooksToken,
    jumpseller: { kind: "private", login: live.login, authtoken: live.authtoken },
    settings: {
      name: "Loja Online Demo",
      enabled: true,
      testMode: false,
      documentType: "FR",
      vendusRegisterId: 101,
      vendusPaymentMethodId: 304,
      notificationEmails: ["faturacao@loja-demo.pt"],
    },
  });
  const accountant = await db.user.findUniqueOrThrow({ where: { email: demoUsers.accountant.email } });
  await db.storeAccess.upsert({
    where: { userId_storeId: { userId: accountant.id, storeId: liveStore.id } },
    create: { userId: accountant.id, storeId: liveStore.id },
    update: {},
  });

  step(`Starting the web app on ${appUrl} (the first start compiles the pages)…`);
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const web = spawn(process.execPath, [nextBin, "dev", "-p", String(port)], { env: process.env, stdio: ["ignore", "ignore", "inherit"] });
  closers.unshift(() => void web.kill("SIGTERM"));
  web.on("exit", (code) => void shutdown(code ?? 0));
  await waitFor(`${appUrl}/api/inngest`, web);
  await inngest.register(`${appUrl}/api/inngest`);
  const timer = setInterval(() => inngest.tick(new Date()), 60_000);
  closers.push(() => clearInterval(timer));

  step("Playing the shop: products, orders, payments, a cancellation…");
  const { ensureWebhooks } = await import("../lib/connect/webhooks");
  await ensureWebhooks({ id: liveStore.id }, { db });
  const played = await playDemoShop(jumpseller.control);
  await jumpseller.control.settle();
  await inngest.idle(120_000).catch((error: Error) => console.warn(`  (still working: ${error.message})`));
  const invoices = vendus.control.documents().filter((d) => d.type !== "NC").length;

  const users = Object.values(demoUsers);
  const mails = mailbox.emails().map((m) => `  To ${m.to.join(", ")}: ${m.subject}\n    ${m.text.split("\n").filter(Boolean).slice(0, 4).join("\n    ")}`);
  console.log(`
Ponte is running at ${appUrl}

Sign in with any of these (password: ${demoPassword}):
${users.map((u) => `  ${u.role.padEnd(10)} ${u.email}`).join("\n")}

The live demo store "${live.code}" received ${played.paid} paid orders; the Vendus simulator now holds ${invoices} invoice(s).
One order was paid with an invalid NIF: its job failed, and this e-mail explained why:
${mails.join("\n") || "  (no e-mail yet)"}

  Vendus simulator      ${vendus.url}   (control: ${vendus.url.replace(/\/ws\/v1\.1\/$/, "")}/__control/)
  Jumpseller simulator  ${jumpseller.url}   (control: ${jumpseller.authUrl}/__control/)
  Inngest runs          ${inngest.url}/stand-in/runs

Pay another order:  curl -s -X POST ${jumpseller.authUrl}/__control/orders/<id>/pay
Stop with Ctrl+C.`);
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
  console.error("The demo could not start:", error instanceof Error ? error.stack : error);
  void shutdown(1);
});
