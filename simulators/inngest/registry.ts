// The functions apps have registered (POST /fn/register, sent by the SDK when its serve handler gets a PUT),
// and which of them an event or a cron tick triggers.
import { z } from "zod";
import { evaluateExpression } from "./expressions";
import { cronMatches } from "./time";
import type { InngestEvent, Log, RegisteredFunction, Trigger } from "./types";

const periodLimitSchema = z.object({
  limit: z.number(),
  period: z.string(),
  key: z.string().optional(),
  burst: z.number().optional(),
});

const concurrencyItemSchema = z.object({
  limit: z.number(),
  key: z.string().optional(),
  scope: z.enum(["fn", "env", "account"]).optional(),
});

const functionSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  triggers: z
    .array(
      z.union([z.object({ event: z.string(), expression: z.string().optional() }), z.object({ cron: z.string() })]),
    )
    .default([]),
  steps: z.record(
    z.string(),
    z.object({
      runtime: z.object({ type: z.string().optional(), url: z.string() }),
      retries: z.object({ attempts: z.number().optional() }).optional(),
    }),
  ),
  concurrency: z.union([z.number(), concurrencyItemSchema, z.array(concurrencyItemSchema)]).optional(),
  throttle: periodLimitSchema.optional(),
  rateLimit: periodLimitSchema.optional(),
  idempotency: z.string().optional(),
  debounce: z.unknown().optional(),
  batchEvents: z.unknown().optional(),
  cancel: z.unknown().optional(),
  priority: z.unknown().optional(),
  singleton: z.unknown().optional(),
  timeouts: z.unknown().optional(),
});

export const registerBodySchema = z.object({
  url: z.string(),
  appName: z.string().min(1),
  functions: z.array(functionSchema),
});

const UNSUPPORTED = ["debounce", "batchEvents", "cancel", "priority", "singleton", "timeouts"] as const;
const DEFAULT_RETRIES = 3;

/** The registered URL without the `deployId` the sync request carried (it only correlates the handshake). */
function withoutDeployId(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete("deployId");
  return parsed.toString();
}

export class Registry {
  private readonly byApp = new Map<string, RegisteredFunction[]>();

  constructor(private readonly log: Log) {}

  /** Stores (or replaces) an app's functions; returns whether anything changed. */
  register(body: z.infer<typeof registerBodySchema>): boolean {
    const functions = body.functions.map((fn): RegisteredFunction => {
      const step = Object.values(fn.steps)[0];
      if (!step) throw new Error(`Function ${fn.id} has no step to call`);
      for (const key of UNSUPPORTED) {
        if (fn[key] !== undefined)
          this.log(`function ${fn.id}: "${key}" is not supported by the stand-in and is ignored`);
      }
      const concurrency =
        fn.concurrency === undefined
          ? []
          : typeof fn.concurrency === "number"
            ? [{ limit: fn.concurrency }]
            : [fn.concurrency].flat();
      return {
        id: fn.id,
        name: fn.name ?? fn.id,
        appId: body.appName,
        url: withoutDeployId(step.runtime.url),
        triggers: fn.triggers as Trigger[],
        // The JS SDK sends `retries` (the number of retries) as `attempts`; Inngest reads it the same way.
        retries: step.retries?.attempts ?? DEFAULT_RETRIES,
        concurrency: concurrency.filter((c) => c.limit > 0),
        throttle: fn.throttle,
        rateLimit: fn.rateLimit,
        idempotency: fn.idempotency,
      };
    });
    const before = JSON.stringify(this.byApp.get(body.appName) ?? null);
    this.byApp.set(body.appName, functions);
    return before !== JSON.stringify(functions);
  }

  all(): RegisteredFunction[] {
    return [...this.byApp.values()].flat();
  }

  get(functionId: string): RegisteredFunction | undefined {
    return this.all().find((fn) => fn.id === functionId);
  }

  /** Functions with an event trigger that matches: the name (or a `prefix/*` wildcard) and the `if`, if any. */
  matchEvent(event: InngestEvent): RegisteredFunction[] {
    return this.all().filter((fn) =>
      fn.triggers.some((trigger) => {
        if (!("event" in trigger)) return false;
        const nameOk = trigger.event.endsWith("*")
          ? event.name.startsWith(trigger.event.slice(0, -1))
          : trigger.event === event.name;
        if (!nameOk || !trigger.expression) return nameOk;
        try {
          return Boolean(evaluateExpression(trigger.expression, { event }));
        } catch (error) {
          this.log(`function ${fn.id}: ${(error as Error).message}; the event does not trigger it`);
          return false;
        }
      }),
    );
  }

  /** Cron functions due at `at` (every cron function when `at` is not given), with their schedule. */
  matchCron(at: Date | undefined): { fn: RegisteredFunction; cron: string }[] {
    const due: { fn: RegisteredFunction; cron: string }[] = [];
    for (const fn of this.all()) {
      const trigger = fn.triggers.find((t): t is { cron: string } => "cron" in t && (!at || cronMatches(t.cron, at)));
      if (trigger) due.push({ fn, cron: trigger.cron });
    }
    return due;
  }
}
