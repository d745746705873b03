// The stand-in as the local runner (`npm run dev`, the demo) uses it on machines without the Inngest dev
// server: a fixed port, a sync retried until the app answers (Next compiles the route on first request), and
// cron functions fired at each minute like Inngest's scheduler. Not for production.
import { startInngestStandIn, type InngestStandIn, type InngestStandInOptions } from "./index";

export interface LocalStandInOptions extends InngestStandInOptions {
  /** Defaults to 8288, the Inngest dev server's port. */
  port?: number;
  /** The app's serve URL; synced as soon as the app answers. */
  serveUrl?: string;
  /** Time between sync attempts while the app is not up yet. Default 1 s. */
  syncIntervalMs?: number;
  /** Fire cron functions each minute. Default true. */
  cron?: boolean;
}

export interface LocalInngestStandIn extends InngestStandIn {
  /** Resolves once the app at `serveUrl` has synced (at once when there is none). */
  synced: Promise<void>;
}

export async function startLocalInngestStandIn(options: LocalStandInOptions = {}): Promise<LocalInngestStandIn> {
  const { serveUrl, syncIntervalMs = 1_000, cron = true, ...standInOptions } = options;
  const log = options.log ?? (() => {});
  const standIn = await startInngestStandIn({ ...standInOptions, port: options.port ?? 8288 });
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  let markSynced!: () => void;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  if (serveUrl) {
    let failures = 0;
    const sync = () => {
      standIn.register(serveUrl).then(
        () => {
          log(`[inngest-stand-in] synced ${serveUrl}`);
          markSynced();
        },
        (error: Error) => {
          // The app not being up yet is expected; say so once, then every 30 attempts.
          if (failures++ % 30 === 0) log(`[inngest-stand-in] waiting for ${serveUrl} to sync: ${error.message}`);
          later(syncIntervalMs, sync);
        },
      );
    };
    sync();
  } else {
    markSynced();
  }

  if (cron) {
    const tickEachMinute = () => {
      const now = Date.now();
      later(60_000 - (now % 60_000), () => {
        standIn.tick(new Date());
        tickEachMinute();
      });
    };
    tickEachMinute();
  }

  return {
    ...standIn,
    synced,
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await standIn.close();
    },
  };
}
