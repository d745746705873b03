// Configuration, validated by group. Every entry point loads the same files (lib/env-files.ts) and asks for
// the groups it needs up front with requireEnv() (the web app: all of them; `db:migrate`: the database
// only), so a missing or malformed variable stops it with a message that names the variable. A group nobody
// asked for is validated the first time one of its variables is read, with the same message.
// Everything here is server-side: nothing is exposed through NEXT_PUBLIC_*.
import { z } from "zod";

const key32 = z.string().refine((v) => decodeKey(v) !== null, "must be 32 bytes, as 64 hex characters or base64");

const url = z.url({ protocol: /^https?$/ });

const groups = {
  app: z.object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // The public address of this Ponte: used for sign-in callbacks, OAuth redirects, webhook and PDF links.
    NEXTAUTH_URL: url.default("http://localhost:3000"),
    // How many reverse proxies stand in front of Ponte (0: clients connect to it directly). Client addresses for
    // the sign-in throttle and the webhook refusal log are read from X-Forwarded-For only that far.
    PONTE_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    // The bcrypt cost of new password hashes: each step doubles the work of a sign-in and of a guess. 12 is the
    // strength to keep; tests lower it to 4 (bcrypt's least) so that signing in takes a millisecond.
    PONTE_PASSWORD_HASH_COST: z.coerce.number().int().min(4).max(15).default(12),
    // Measuring only (the webhook benchmark): the webhook route answers with a Server-Timing header of its own
    // phases, and `npm start` prints the event loop's delay, GC pauses and its answers' times every second. Off
    // in production: the phases' durations would tell a sender whether a store code exists.
    PONTE_TIMING: z.stringbool().default(false),
  }),
  database: z.object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string"),
    // Pool size per process; small on serverless, larger on a long-running server.
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    // Connections beside the pool, over all processes: one per month export (CSV/XLSX) being streamed. When all
    // are in use, a new export is answered 503 "try again in a moment" instead of opening another connection.
    DATABASE_EXPORT_CONNECTIONS_MAX: z.coerce.number().int().min(1).max(20).default(3),
  }),
  sessions: z.object({
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  }),
  encryption: z.object({
    PONTE_ENCRYPTION_KEY: key32,
    // The previous key during a rotation: secrets encrypted with it still decrypt, and are re-encrypted on write.
    PONTE_ENCRYPTION_KEY_OLD: key32.optional(),
  }),
  links: z.object({
    // Signs the PDF links given to customers (lib/pipeline/pdf-link.ts); rotating it revokes them.
    PONTE_LINK_KEY: key32,
    // The previous link key during a rotation: links signed with it still open while it is set.
    PONTE_LINK_KEY_OLD: key32.optional(),
  }),
  services: z
    .object({
      VENDUS_API_URL: url.default("https://www.vendus.pt/ws/v1.1/"),
      JUMPSELLER_API_URL: url.default("https://api.jumpseller.com/v1"),
      // The EU's VIES service, for stores that confirm VAT numbers before an exempt intra-community invoice.
      VIES_API_URL: url.default("https://ec.europa.eu/taxation_customs/vies/rest-api"),
      JUMPSELLER_AUTH_URL: url.default("https://accounts.jumpseller.com"),
      JUMPSELLER_CLIENT_ID: z.string().min(1).optional(),
      JUMPSELLER_CLIENT_SECRET: z.string().min(1).optional(),
    })
    .refine((s) => Boolean(s.JUMPSELLER_CLIENT_ID) === Boolean(s.JUMPSELLER_CLIENT_SECRET), {
      message: "JUMPSELLER_CLIENT_ID and JUMPSELLER_CLIENT_SECRET must be set together",
    }),
  email: z.object({
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: url.optional(),
    EMAIL_FROM: z.string().min(3).default("Ponte <ponte@localhost>"),
  }),
  inngest: z.object({
    // Development only: the SDK then skips the signature check on /api/inngest (refused in production, below).
    INNGEST_DEV: z.string().optional(),
    INNGEST_BASE_URL: url.optional(),
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    // During a signing-key rotation: the previous key, still accepted on incoming calls.
    INNGEST_SIGNING_KEY_FALLBACK: z.string().optional(),
    // The address Inngest calls the app at, when it is not the one requests arrive with (a private network name).
    INNGEST_SERVE_ORIGIN: url.optional(),
  }),
};

type Source = Record<string, string | undefined>;

/** Rules across groups. Production refuses what would leave /api/inngest open to anyone, or unable to answer. */
const groupChecks: Partial<Record<keyof typeof groups, (data: Record<string, unknown>, source: Source) => string[]>> = {
  inngest: (inngest, source) => {
    if (source.NODE_ENV !== "production") return [];
    const issues: string[] = [];
    if (inngest.INNGEST_DEV) {
      issues.push(
        "INNGEST_DEV must not be set in production: it turns off the signature check of /api/inngest, so anyone could run Ponte's functions",
      );
    }
    if (!inngest.INNGEST_SIGNING_KEY) {
      issues.push("INNGEST_SIGNING_KEY is required in production (Inngest signs its calls with it)");
    }
    if (!inngest.INNGEST_EVENT_KEY) {
      issues.push("INNGEST_EVENT_KEY is required in production (jobs are sent to Inngest with it)");
    }
    return issues;
  },
};

export type ConfigGroup = keyof typeof groups;
export const configGroups = Object.keys(groups) as ConfigGroup[];

export type Env = z.output<(typeof groups)["app"]> &
  z.output<(typeof groups)["database"]> &
  z.output<(typeof groups)["sessions"]> &
  z.output<(typeof groups)["encryption"]> &
  z.output<(typeof groups)["links"]> &
  z.output<(typeof groups)["services"]> &
  z.output<(typeof groups)["email"]> &
  z.output<(typeof groups)["inngest"]>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}\nSee .env.example.`);
    this.name = "ConfigError";
  }
}

function parseGroup(group: ConfigGroup, source: Source): { data: Record<string, unknown> } | { issues: string[] } {
  const schema = groups[group];
  // Treat empty strings as unset, as shells and .env files often produce them.
  const cleaned = Object.fromEntries(
    Object.keys(schema.shape)
      .map((name) => [name, source[name]] as const)
      .filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) {
    const issues = groupChecks[group]?.(result.data, source) ?? [];
    return issues.length > 0 ? { issues } : { data: result.data };
  }
  return {
    issues: result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      if (!name) return issue.message;
      return issue.code === "invalid_type" && cleaned[name] === undefined
        ? `${name} is missing`
        : `${name} ${issue.message}`;
    }),
  };
}

/**
 * Reads a configuration: the `required` groups now (throwing one ConfigError that names every bad variable),
 * the others on first use of one of their variables.
 */
export function parseEnv(source: Source, required: readonly ConfigGroup[] = configGroups): Env {
  const parsed = new Map<ConfigGroup, Record<string, unknown>>();
  const load = (group: ConfigGroup) => {
    let data = parsed.get(group);
    if (!data) {
      const result = parseGroup(group, source);
      if ("issues" in result) throw new ConfigError(result.issues);
      data = result.data;
      parsed.set(group, data);
    }
    return data;
  };
  const issues = required.flatMap((group) => {
    const result = parseGroup(group, source);
    if ("issues" in result) return result.issues;
    parsed.set(group, result.data);
    return [];
  });
  if (issues.length > 0) throw new ConfigError(issues);

  const env = {} as Env;
  for (const group of configGroups) {
    for (const name of Object.keys(groups[group].shape)) {
      Object.defineProperty(env, name, { enumerable: true, get: () => load(group)[name] });
    }
  }
  return env;
}

let cached: Env | undefined;

/** The process configuration. Each group is validated on first use; requireEnv() validates groups up front. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env, []);
  return cached;
}

/** Validates the groups an entry point needs, naming every missing or malformed variable at once. */
export function requireEnv(...required: ConfigGroup[]): Env {
  cached = parseEnv(process.env, required.length > 0 ? required : configGroups);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  const buf = Buffer.from(value, "base64");
  return buf.length === 32 ? buf : null;
}
