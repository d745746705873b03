// `npm run demo`: Ponte with nothing to set up. A production build of the app (made on the first run and
// reused while the sources stay the same), an embedded PostgreSQL (PGlite, in memory), the Vendus and
// Jumpseller simulators, a local runner for the Inngest functions, demo users and stores, and a shop that
// plays for real: orders are paid in the simulated Jumpseller, its webhooks reach Ponte, and the invoices
// are issued in the simulated Vendus. Everything but the build is gone when it stops.
import { randomBytes } from "node:crypto";
import { loadEnvFiles } from "../lib/env-files";
import { startInngestStandIn } from "../simulators/inngest";
import { startJumpsellerSimulator } from "../simulators/jumpseller";
import { startResendFake } from "../simulators/resend";
import { DEFAULT_SIMULATOR_API_KEY, demoSeed, startVendusSimulator } from "../simulators/vendus";
import { startEmbeddedDatabase } from "./demo/embedded-database";
import { dashboardPages, signInOverHttp, timePage } from "./demo/pages";
import { playDemoShop } from "./demo/shop";
import { summary } from "./demo/summary";
import { onShutdown, runScript, startProductionServer, waitForUrl } from "./processes";
import { ensureProductionBuild } from "./production-build";

loadEnvFiles();
const port = Number(process.env.PORT ?? 3000);
const appUrl = `http://localhost:${port}`;
const live = {
  code: "ponte-demo",
  login: "ponte-demo",
  authtoken: randomBytes(16).toString("hex"),
  hooksToken: randomBytes(16).toString("hex"),
};
const started = Date.now();

function step(message: string) {
  console.log(`• ${message}`);
}

async function main() {
  await ensureProductionBuild((line) => step(line));

  step("Starting the embedded database (PGlite, migrated; the first start migrates it and keeps a copy)…");
  const database = await startEmbeddedDatabase();
  onShutdown(() => database.close());

  step("Starting the Vendus and Jumpseller simulators and the local Inngest runner…");
  const demoKeys = ["loja-do-mar", "casa-verde", "papelaria-lima"].map((code) => `demo-vendus-key-${code}`);
  const vendus = await startVendusSimulator({ port: 0, apiKeys: [DEFAULT_SIMULATOR_API_KEY, ...demoKeys] });
  vendus.control.seed(demoSeed);
  const jumpseller = await startJumpsellerSimulator({
    port: 0,
    storeCode: live.code,
    storeName: "Loja Online Demo",
    ...live,
  });
  // The web server runs in production mode, where Inngest calls must be signed: the local runner signs them
  // with a key made for this run, as a self-hosted Inngest server would.
  const inngestKeys = {
    event: `demo-${randomBytes(8).toString("hex")}`,
    signing: `signkey-demo-${randomBytes(32).toString("hex")}`,
  };
  const inngest = await startInngestStandIn({ port: 0, signingKey: inngestKeys.signing });
  // E-mails go to a local mailbox instead of Resend; the summary below prints what was sent.
  const mailbox = await startResendFake();
  for (const service of [inngest, jumpseller, vendus, mailbox]) onShutdown(() => service.close());

  // One process environment for this script and the web server it starts: the demo's own services, whatever
  // a .env says about real ones.
  for (const name of ["INNGEST_DEV", "INNGEST_SIGNING_KEY_FALLBACK", "INNGEST_SERVE_ORIGIN"]) delete process.env[name];
  for (const name of ["JUMPSELLER_CLIENT_ID", "JUMPSELLER_CLIENT_SECRET"]) delete process.env[name];
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: "8",
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64"),
    PONTE_ENCRYPTION_KEY: process.env.PONTE_ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
    PONTE_LINK_KEY: process.env.PONTE_LINK_KEY ?? randomBytes(32).toString("hex"),
    VENDUS_API_URL: vendus.url,
    JUMPSELLER_API_URL: jumpseller.url,
    JUMPSELLER_AUTH_URL: jumpseller.authUrl,
    INNGEST_BASE_URL: inngest.url,
    INNGEST_EVENT_KEY: inngestKeys.event,
    INNGEST_SIGNING_KEY: inngestKeys.signing,
    RESEND_API_KEY: "demo",
    RESEND_BASE_URL: mailbox.url,
    NEXT_TELEMETRY_DISABLED: "1",
  });

  // The web server starts while the data is seeded: it needs neither to boot.
  step(`Starting the web app on ${appUrl}, and seeding users, stores and order history…`);
  const web = startProductionServer(port, process.env, ["ignore", "ignore", "pipe"]);
  web.stderr?.pipe(process.stderr);
  const webReady = waitForUrl(`${appUrl}/api/health`, web);
  const { db } = await import("../lib/db");
  const { seedDemoData, demoUsers, demoPassword } = await import("./demo/seed");
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

  await webReady;
  await inngest.register(`${appUrl}/api/inngest`);
  const timer = setInterval(() => inngest.tick(new Date()), 60_000);
  onShutdown(() => clearInterval(timer));

  step("Playing the shop: products, orders, payments, a cancellation…");
  const { ensureWebhooks } = await import("../lib/connect/webhooks");
  const { checkStoreReadiness } = await import("../lib/readiness/check");
  await ensureWebhooks({ id: liveStore.id }, { db });
  const readiness = await checkStoreReadiness(db, liveStore.id);
  const played = await playDemoShop(jumpseller.control);
  await jumpseller.control.settle();
  // Meanwhile, every page once, signed in: a first click then never waits for a page's code to load.
  const warmUp = async () => {
    const cookie = await signInOverHttp(appUrl, demoUsers.admin.email, demoPassword);
    for (const page of await dashboardPages(appUrl, cookie)) await timePage(appUrl, page, cookie);
  };
  await Promise.all([
    inngest.idle(120_000).catch((error: Error) => step(`Still working in the background: ${error.message}`)),
    warmUp(),
  ]);

  console.log(
    summary({
      appUrl,
      users: Object.values(demoUsers),
      password: demoPassword,
      liveStore: live.code,
      ready: readiness.ready,
      paid: played.paid,
      invoices: vendus.control.documents().filter((d) => d.type !== "NC").length,
      emails: mailbox.emails(),
      vendusUrl: vendus.url,
      jumpseller: { url: jumpseller.url, authUrl: jumpseller.authUrl },
      inngestUrl: inngest.url,
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
}

runScript(main, (error) => `The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
