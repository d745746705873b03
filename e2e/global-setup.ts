// A fresh database for each e2e run: created, migrated and seeded with the demo data before the tests start.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eServerEnv } from "./env";

export default function globalSetup() {
  const root = path.resolve(__dirname, "..");
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "e2e", "prepare-database.ts")], {
    cwd: root,
    stdio: "inherit",
    // The seed seals demo secrets with the e2e server's encryption key.
    env: { ...process.env, ...e2eServerEnv, NODE_ENV: "test" },
  });
}
