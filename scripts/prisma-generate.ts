// Runs `prisma generate` on machines where Prisma's native schema engine cannot be downloaded.
// The CLI insists on locating that engine first; a stub that fails loudly satisfies the lookup, and
// generate itself never calls it. (An empty stub would make `migrate deploy` "succeed" doing nothing.)
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const stubDir = path.join(tmpdir(), "ponte-prisma");
const stub = path.join(stubDir, "schema-engine-unavailable");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(
    stub,
    '#!/bin/sh\necho "The native Prisma schema engine is not installed here: use npm run db:migrate / npm run db:diff." >&2\nexit 1\n',
  );
  chmodSync(stub, 0o755);
}

const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = stub;

const result = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], {
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
