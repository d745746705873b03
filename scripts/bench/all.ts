// `npm run bench:all`: runs every benchmark of package.json (each `bench:*` script, one after another, so that
// none loads the machine while another measures) and prints one summary table of their headline figures last.
//   npm run bench:all -- --skip demo,dashboard     leaves some out
//   npm run bench:all -- --only webhooks           runs only those
// Each benchmark prints its figures as `bench-figure {json}` lines (scripts/bench/support.ts); one that prints
// none is summed up by its last line of output. The exit code is 1 when a benchmark failed or missed a target.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { figurePrefix, machine, type Figure } from "./support";

const { values } = parseArgs({ options: { skip: { type: "string" }, only: { type: "string" } } });
const listed = (value?: string) => new Set((value ?? "").split(",").filter(Boolean));
const skip = listed(values.skip);
const only = listed(values.only);

const preferred = ["webhooks", "orders", "dashboard", "demo", "month-csv", "drain"];
const scripts = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: object }).scripts)
  .filter((name) => name.startsWith("bench:") && name !== "bench:all")
  .map((name) => name.slice("bench:".length))
  .filter((name) => !skip.has(name) && (only.size === 0 || only.has(name)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

function rank(name: string): number {
  const i = preferred.indexOf(name);
  return i === -1 ? preferred.length : i;
}

interface Outcome {
  bench: string;
  code: number;
  seconds: number;
  figures: Figure[];
  lastLine: string;
}

function run(bench: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", `bench:${bench}`], { stdio: ["ignore", "pipe", "inherit"] });
    const figures: Figure[] = [];
    let lastLine = "";
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith(figurePrefix)) figures.push(JSON.parse(line.slice(figurePrefix.length)) as Figure);
        else if (line.trim()) lastLine = line.trim();
      }
    });
    child.on("close", (code) =>
      resolve({ bench, code: code ?? 1, seconds: (performance.now() - started) / 1000, figures, lastLine }),
    );
  });
}

async function main() {
  const before = machine();
  const outcomes: Outcome[] = [];
  for (const bench of scripts) {
    console.log(`\n=== npm run bench:${bench}`);
    outcomes.push(await run(bench));
  }
  const rows = outcomes.flatMap((o) =>
    o.figures.length > 0
      ? o.figures.map((f) => [o.bench, f.figure, f.value, f.target, f.ok === null ? "—" : f.ok ? "ok" : "MISSED"])
      : [
          [
            o.bench,
            o.code === 0 ? "(no figure printed)" : `failed, exit ${o.code}`,
            o.lastLine,
            "",
            o.code === 0 ? "—" : "FAILED",
          ],
        ],
  );
  const header = ["benchmark", "figure", "value", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.min(r[i]!.length, 70))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.slice(0, 70).padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  console.log(`\n\nSummary (${new Date().toISOString()})`);
  console.log(`machine at the start: ${before}`);
  console.log(`machine at the end:   ${machine()}\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log(`\n${outcomes.map((o) => `${o.bench} ${o.seconds.toFixed(0)} s`).join(", ")}`);
  const failed = outcomes.some((o) => o.code !== 0) || rows.some((r) => r[4] === "MISSED" || r[4] === "FAILED");
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
