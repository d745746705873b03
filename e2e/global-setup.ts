// A fresh database for each e2e run: created, migrated and seeded with the demo data before the tests start;
// and, for as long as the run lasts, the Inngest stand-in the server sends job events to and the Vendus
// simulator it fetches SAF-T files and PDFs from, and the Resend fake it sends e-mail to.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { demoStores } from "../scripts/demo/fixtures";
import { startVendusSimulator } from "../simulators/vendus";
import { startInngestStandIn } from "../simulators/inngest";
import { startResendFake } from "../simulators/resend";
import { e2eInngestPort, e2eResendPort, e2eServerEnv, e2eVendusPort } from "./env";

export default async function globalSetup() {
  const root = path.resolve(__dirname, "..");
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "e2e", "prepare-database.ts")], {
    cwd: root,
    stdio: "inherit",
    // The seed seals demo secrets with the e2e server's encryption key.
    env: { ...process.env, ...e2eServerEnv, NODE_ENV: "test" },
  });
  const inngest = await startInngestStandIn({ port: e2eInngestPort, host: "127.0.0.1" });
  // The seed's keys (scripts/demo/seed.ts) — but not Papelaria Lima's, so that a refused key can be seen too.
  const apiKeys = demoStores
    .filter((store) => store.code !== "papelaria-lima")
    .map((store) => `demo-vendus-key-${store.code}`);
  const vendus = await startVendusSimulator({ port: e2eVendusPort, host: "127.0.0.1", apiKeys });
  const resend = await startResendFake({ port: e2eResendPort, host: "127.0.0.1" });
  return async () => {
    await Promise.all([inngest.close(), vendus.close(), resend.close()]);
  };
}
