// Configuration, validated once. A missing or malformed variable stops the process with a message that
// names it. Everything here is server-side: nothing is exposed through NEXT_PUBLIC_*.
import { z } from "zod";

const key32 = z
  .string()
  .refine((v) => decodeKey(v) !== null, "must be 32 bytes, as 64 hex characters or base64");

const url = z.url({ protocol: /^https?$/ });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string"),
  // Pool size per process; small on serverless, larger on a long-running server.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  // The public address of this Ponte: used for sign-in callbacks, OAuth redirects, webhook and PDF links.
  NEXTAUTH_URL: url.default("http://localhost:3000"),
  PONTE_ENCRYPTION_KEY: key32,
  // The previous key during a rotation: secrets encrypted with it still decrypt, and are re-encrypted on write.
  PONTE_ENCRYPTION_KEY_OLD: key32.optional(),
  VENDUS_API_URL: url.default("https://www.vendus.pt/ws/v1.1/"),
  JUMPSELLER_API_URL: url.default("https://api.jumpseller.com/v1"),
  JUMPSELLER_AUTH_URL: url.default("https://accounts.jumpseller.com"),
  JUMPSELLER_CLIENT_ID: z.string().min(1).optional(),
  JUMPSELLER_CLIENT_SECRET: z.string().min(1).optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: url.optional(),
  EMAIL_FROM: z.string().min(3).default("Ponte <ponte@localhost>"),
  INNGEST_DEV: z.string().optional(),
  INNGEST_BASE_URL: url.optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}\nSee .env.example.`);
    this.name = "ConfigError";
  }
}

/** Parses a configuration; throws ConfigError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as shells and .env files often produce them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        return issue.code === "invalid_type" && cleaned[name] === undefined
          ? `${name} is missing`
          : `${name} ${issue.message}`;
      }),
    );
  }
  if (Boolean(result.data.JUMPSELLER_CLIENT_ID) !== Boolean(result.data.JUMPSELLER_CLIENT_SECRET)) {
    throw new ConfigError(["JUMPSELLER_CLIENT_ID and JUMPSELLER_CLIENT_SECRET must be set together"]);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process configuration, parsed on first use (at start-up, from instrumentation.ts). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
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
