// The webhook benchmark's breakdown of run 1: where a slow answer's time went. The server names its phases in a
// Server-Timing header (PONTE_TIMING): `server` is from the request reaching its HTTP server to the answer's
// head, Next's routing included; `handler` the route's own work, split into `read` (body), `lookup` (store),
// `verify` (HMAC), `parse` (JSON) and `store` (the transaction). What the client saw beyond `server` was
// spent in the connection, in a queue before the server read the request, or in the client's own event loop.
import { readdirSync, readFileSync } from "node:fs";
import { percentile } from "./support";
import type { SecondOfTiming } from "../process-timing";

export interface Delivery {
  /** What the client measured, from fetch() to the last byte of the answer, ms. */
  ms: number;
  /** Wall clock when it was sent (Date.now()). */
  sentAt: number;
  /** The Server-Timing phases, ms, by name. */
  server: Record<string, number>;
}

export function readServerTiming(header: string | null): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const part of header?.split(",") ?? []) {
    const match = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
    if (match) phases[match[1]!] = Number(match[2]);
  }
  return phases;
}

const phaseNames = ["server", "handler", "read", "lookup", "verify", "parse", "store"];

function pcts(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return "—";
  const f = (p: number) => percentile(sorted, p).toFixed(1);
  return `${f(50)} / ${f(95)} / ${f(99)} / ${sorted.at(-1)!.toFixed(1)}`;
}

export function printTimingBreakdown(
  deliveries: Delivery[],
  serverSeconds: SecondOfTiming[],
  benchSeconds: SecondOfTiming[],
): void {
  console.log(`\nrun 1 breakdown, ms as p50 / p95 / p99 / max:`);
  console.log(`  client          ${pcts(deliveries.map((d) => d.ms))}`);
  for (const name of phaseNames) {
    const values = deliveries.map((d) => d.server[name]).filter((v): v is number => v !== undefined);
    console.log(`  ${name.padEnd(15)} ${pcts(values)}`);
  }
  console.log(`  outside server  ${pcts(deliveries.map((d) => d.ms - (d.server.server ?? 0)))}`);

  const slowest = [...deliveries].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(deliveries.length / 100)));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  console.log(
    `  slowest 1% (${slowest.length}): client ${mean(slowest.map((d) => d.ms)).toFixed(1)} ms on average, of which server ${mean(slowest.map((d) => d.server.server ?? 0)).toFixed(1)} (handler ${mean(slowest.map((d) => d.server.handler ?? 0)).toFixed(1)}, store ${mean(slowest.map((d) => d.server.store ?? 0)).toFixed(1)}, lookup ${mean(slowest.map((d) => d.server.lookup ?? 0)).toFixed(1)})`,
  );

  // Second by second: the client's and the server's p99, and how late each process's event loop ran.
  const first = Math.floor(Math.min(...deliveries.map((d) => d.sentAt)) / 1000);
  const last = Math.floor(Math.max(...deliveries.map((d) => d.sentAt)) / 1000);
  const bySecond = (list: SecondOfTiming[], second: number) => list.find((s) => s.second === second);
  console.log(
    "  second  n    client p99  server p99 (noted)  server loop p99/max  server GC n/max ms (major)  bench loop p99/max  bench GC max",
  );
  for (let second = first; second <= last; second++) {
    const inSecond = deliveries.filter((d) => Math.floor(d.sentAt / 1000) === second);
    const clientP99 = inSecond.length
      ? percentile(
          inSecond.map((d) => d.ms).sort((a, b) => a - b),
          99,
        )
      : NaN;
    const server = bySecond(serverSeconds, second);
    const bench = bySecond(benchSeconds, second);
    const noted = server?.noted ?? [];
    console.log(
      `  ${String(second - first).padStart(6)}  ${String(inSecond.length).padEnd(4)} ${clientP99.toFixed(1).padStart(10)}  ${(noted.length ? percentile(noted, 99) : NaN).toFixed(1).padStart(10)} (${String(noted.length).padStart(3)})   ${fmtLoop(server)}  ${fmtGc(server)}  ${fmtLoop(bench)}  ${(bench?.gc.maxMs ?? NaN).toFixed(1).padStart(6)}`,
    );
  }
}

function fmtLoop(s: SecondOfTiming | undefined): string {
  return s ? `${s.loop.p99.toFixed(1).padStart(8)} / ${s.loop.max.toFixed(1).padEnd(8)}` : "        —          ";
}

function fmtGc(s: SecondOfTiming | undefined): string {
  return s
    ? `${String(s.gc.count).padStart(6)} / ${s.gc.maxMs.toFixed(1).padStart(5)} (${s.gc.major})`.padEnd(26)
    : "—".padEnd(26);
}

/** CPU time (user + system, ms) used so far by these processes, read from /proc (Linux); 0 for one that is gone. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process has exited.
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** A process and every process below it (the server runs under tsx, which starts node as its child). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}
