// What `npm run dev` and `npm run demo` share: the web server they start, waiting for it to answer, and one
// orderly shutdown (on Ctrl+C, a signal, or the web server exiting) that closes everything they started.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";

const closers: (() => Promise<unknown> | void)[] = [];
let stopping = false;

/** Runs `close` at shutdown; `first` puts it before everything registered so far (the web server). */
export function onShutdown(close: () => Promise<unknown> | void, first = false): void {
  if (first) closers.unshift(close);
  else closers.push(close);
}

export async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const close of closers) await Promise.resolve(close()).catch(() => undefined);
  }
  return process.exit(code);
}

/** Starts `next dev` on the port; the script stops when it exits, and stopping the script stops it. */
export function startNextDev(port: number | string, env: NodeJS.ProcessEnv, stdio: StdioOptions): ChildProcess {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  return supervise(spawn(process.execPath, [nextBin, "dev", "-p", String(port)], { env, stdio }));
}

/** Starts the production server of `npm start` (scripts/start.ts) on the last build, the same way. */
export function startProductionServer(port: number | string, env: NodeJS.ProcessEnv, stdio: StdioOptions) {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const script = path.join(process.cwd(), "scripts", "start.ts");
  return supervise(spawn(tsx, [script, "-p", String(port)], { env: { ...env, NODE_ENV: "production" }, stdio }));
}

function supervise(child: ChildProcess): ChildProcess {
  onShutdown(() => void child.kill("SIGTERM"), true);
  child.on("exit", (code) => void shutdown(code ?? 0));
  return child;
}

/** Polls `url` until it answers without a server error (the first request also compiles the route). */
export async function waitForUrl(url: string, child: ChildProcess, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web server exited with code ${child.exitCode}`);
    const answered = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Runs the script's main, shutting down on Ctrl+C, SIGTERM, or an error (printed with `describe`). */
export function runScript(main: () => Promise<void>, describe: (error: unknown) => string): void {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  main().catch((error: unknown) => {
    console.error(describe(error));
    void shutdown(1);
  });
}
