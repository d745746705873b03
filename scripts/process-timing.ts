// What a process was doing, second by second, for the webhook benchmark: how late its event loop ran (a timer
// due every few milliseconds, perf_hooks' monitorEventLoopDelay), its garbage collector's pauses, and the
// durations it was given to note (an answer's time in the server). Measuring only: `npm start` runs it when
// PONTE_TIMING is on, the benchmark in its own process.
import { constants, monitorEventLoopDelay, PerformanceObserver, type EntryType } from "node:perf_hooks";

export interface SecondOfTiming {
  /** The wall-clock second (Unix time, whole seconds) these figures are of. */
  second: number;
  /** Event loop delay beyond its 5 ms timer: p50, p99 and max, ms. */
  loop: { p50: number; p99: number; max: number };
  /** GC pauses: how many, their sum and the longest, ms; `major` counts mark-compacts. */
  gc: { count: number; major: number; totalMs: number; maxMs: number };
  /** The durations noted in that second (ms, ascending). */
  noted: number[];
}

export const timingPrefix = "ponte-timing ";

/** Starts watching; `onSecond` gets each whole second once it is over. `stop()` ends it. */
export function watchProcessTiming(onSecond: (second: SecondOfTiming) => void) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let current = fresh(Math.floor(Date.now() / 1000));
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      current.gc.count += 1;
      current.gc.totalMs += entry.duration;
      current.gc.maxMs = Math.max(current.gc.maxMs, entry.duration);
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) current.gc.major += 1;
    }
  });
  gcObserver.observe({ entryTypes: ["gc" as EntryType] });

  const flush = () => {
    const now = Math.floor(Date.now() / 1000);
    if (now === current.second) return;
    const ms = (ns: number) => Math.max(0, ns / 1e6 - 5);
    current.loop = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
    loop.reset();
    current.noted.sort((a, b) => a - b);
    const done = current;
    current = fresh(now);
    onSecond(done);
  };
  // Checked often so that a second is reported soon after it ends; the work is a comparison.
  const timer = setInterval(flush, 50);
  timer.unref();

  return {
    note(ms: number) {
      current.noted.push(ms);
    },
    stop() {
      clearInterval(timer);
      loop.disable();
      gcObserver.disconnect();
    },
  };
}

function fresh(second: number): SecondOfTiming {
  return { second, loop: { p50: 0, p99: 0, max: 0 }, gc: { count: 0, major: 0, totalMs: 0, maxMs: 0 }, noted: [] };
}
