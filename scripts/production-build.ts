// A production build of the web app, made once and reused while the sources it is made from do not change:
// `npm run demo`, the README's own test and the end-to-end tests all start `next start` on it. The sources'
// fingerprint (a hash of every file the build reads) is kept beside the build in .next/ponte-build.json.
// Two processes needing a build at once take turns (a lock directory), and the second reuses the first's.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const buildDir = path.join(root, ".next");
const stampPath = path.join(buildDir, "ponte-build.json");
const lockPath = path.join(root, ".next-build.lock");

// What `next build` reads. Tests, generated code (lib/generated follows prisma/schema.prisma and the lock
// file) and the build's own output are left out.
const inputs = [
  "app",
  "components",
  "lib",
  "inngest",
  "i18n",
  "messages",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "proxy.ts",
  "instrumentation.ts",
];
const skipped = (relative: string) => relative.startsWith("lib/generated/") || /\.test\.tsx?$/.test(relative);

async function filesUnder(relative: string): Promise<string[]> {
  const absolute = path.join(root, relative);
  const info = await stat(absolute).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [relative];
  const entries = await readdir(absolute, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const child = path.posix.join(relative, entry.name);
      if (skipped(child + (entry.isDirectory() ? "/" : ""))) return [];
      return entry.isDirectory() ? filesUnder(child) : [child];
    }),
  );
  return nested.flat();
}

/** A hash of every file the production build is made from. */
export async function sourceFingerprint(): Promise<string> {
  const files = (await Promise.all(inputs.map(filesUnder)))
    .flat()
    .filter((f) => !skipped(f))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash
      .update(file)
      .update("\0")
      .update(await readFile(path.join(root, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

interface Stamp {
  fingerprint: string;
  builtAt: string;
  seconds: number;
}

async function currentStamp(): Promise<Stamp | null> {
  if (!existsSync(path.join(buildDir, "BUILD_ID"))) return null;
  return readFile(stampPath, "utf8").then(
    (text) => JSON.parse(text) as Stamp,
    () => null,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withBuildLock<T>(run: () => Promise<T>, onWait: () => void): Promise<T> {
  let waited = false;
  for (;;) {
    try {
      await mkdir(lockPath);
      await writeFile(path.join(lockPath, "pid"), String(process.pid));
      break;
    } catch {
      const holder = Number(await readFile(path.join(lockPath, "pid"), "utf8").catch(() => "0"));
      if (holder && !isAlive(holder)) {
        await rm(lockPath, { recursive: true, force: true });
        continue;
      }
      if (!waited) onWait();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await run();
  } finally {
    await rm(lockPath, { recursive: true, force: true });
  }
}

function nextBuild(log: (line: string) => void): Promise<void> {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        output.push(line);
        // Next's own progress lines ("Compiled successfully", "Generating static pages"…), indented.
        if (/^\s*(✓|▲|Creating|Compiled|Generating|Collecting|Finalizing|Linting|Skipping)/.test(line)) {
          log(`    ${line.trim()}`);
        }
      }
    };
    child.stdout.on("data", onLine);
    child.stderr.on("data", onLine);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${output.slice(-40).join("\n")}`)),
    );
  });
}

export interface BuildResult {
  /** False when an existing build was reused. */
  built: boolean;
  seconds: number;
}

/** Builds the app unless the last build was made from the same sources; says which, and how long it took. */
export async function ensureProductionBuild(log: (line: string) => void = console.log): Promise<BuildResult> {
  const fingerprint = await sourceFingerprint();
  const reusable = async () => {
    const stamp = await currentStamp();
    return stamp?.fingerprint === fingerprint ? stamp : null;
  };
  const existing = await reusable();
  if (existing) {
    log(`Using the production build of ${existing.builtAt.slice(0, 16).replace("T", " ")} UTC (sources unchanged).`);
    return { built: false, seconds: 0 };
  }
  return withBuildLock(
    async () => {
      const madeMeanwhile = await reusable();
      if (madeMeanwhile) {
        log("Using the production build another process just made.");
        return { built: false, seconds: 0 };
      }
      log("Building the app for production (first run, or the sources changed; a minute or two)…");
      const started = Date.now();
      await rm(stampPath, { force: true });
      await nextBuild(log);
      const seconds = Math.round((Date.now() - started) / 1000);
      const stamp: Stamp = { fingerprint, builtAt: new Date().toISOString(), seconds };
      await writeFile(stampPath, JSON.stringify(stamp, null, 2));
      log(`Built in ${seconds} s; the next start reuses this build while the sources stay the same.`);
      return { built: true, seconds };
    },
    () => log("Another process is building the app; waiting for it…"),
  );
}

if (require.main === module) {
  ensureProductionBuild().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
