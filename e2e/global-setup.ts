// A fresh database for each e2e run: created, migrated and seeded with the demo data before the tests start;
// and the Inngest stand-in the server sends job events to, for as long as the run lasts.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { startInngestStandIn } from "../tests/support/inngest-stand-in";
import { e2eInngestPort, e2eServerEnv } from "./env";

export default async function globalSetup() {
  const root = path.resolve(__dirname, "..");
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "e2e", "prepare-database.ts")], {
    cwd: root,
    stdio: "inherit",
    // The seed seals demo secrets with the e2e server's encryption key.
    env: { ...process.env, ...e2eServerEnv, NODE_ENV: "test" },
  });
  const inngest = await startInngestStandIn({ port: e2eInngestPort, host: "127.0.0.1" });
  return () => inngest.close();
}
