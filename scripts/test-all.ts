// `npm test`: every check, in order, stopping at the first failure: format, lint, typecheck, unit, the production
// build (reused while the sources are unchanged), integration (the README's own test starts that build), e2e.
import { spawnSync } from "node:child_process";

const steps: [string, string[]][] = [
  ["format", ["run", "format:check"]],
  ["lint", ["run", "lint"]],
  ["typecheck", ["run", "typecheck"]],
  ["unit tests", ["run", "test:unit"]],
  ["production build", ["run", "build:reuse"]],
  ["integration tests", ["run", "test:integration"]],
  ["end-to-end tests", ["run", "test:e2e"]],
];

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];

for (const [name, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync("npm", args, { stdio: "inherit", env: process.env });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok) break;
}

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"}  ${r.name} (${r.seconds}s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
