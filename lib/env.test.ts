import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, parseEnv } from "./env";
import { loadEnvFiles } from "./env-files";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/ponte",
  NEXTAUTH_SECRET: "x".repeat(40),
  PONTE_ENCRYPTION_KEY: "a".repeat(64),
  PONTE_LINK_KEY: "b".repeat(64),
};

function messageOf(source: Record<string, string | undefined>, read?: (env: ReturnType<typeof parseEnv>) => unknown) {
  try {
    const env = parseEnv(source, read ? [] : undefined);
    read?.(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseEnv", () => {
  it("accepts a minimal configuration and fills the service defaults", () => {
    const env = parseEnv(valid);
    expect(env.VENDUS_API_URL).toBe("https://www.vendus.pt/ws/v1.1/");
    expect(env.JUMPSELLER_API_URL).toBe("https://api.jumpseller.com/v1");
    expect(env.JUMPSELLER_AUTH_URL).toBe("https://accounts.jumpseller.com");
    expect(env.DATABASE_POOL_MAX).toBe(10);
  });

  it("hashes passwords at cost 12 unless told otherwise, and refuses a cost bcrypt would not take or a slow one", () => {
    expect(parseEnv(valid).PONTE_PASSWORD_HASH_COST).toBe(12);
    expect(parseEnv({ ...valid, PONTE_PASSWORD_HASH_COST: "4" }).PONTE_PASSWORD_HASH_COST).toBe(4);
    expect(messageOf({ ...valid, PONTE_PASSWORD_HASH_COST: "3" })).toContain("PONTE_PASSWORD_HASH_COST");
    expect(messageOf({ ...valid, PONTE_PASSWORD_HASH_COST: "16" })).toContain("PONTE_PASSWORD_HASH_COST");
    expect(messageOf({ ...valid, PONTE_PASSWORD_HASH_COST: "twelve" })).toContain("PONTE_PASSWORD_HASH_COST");
  });

  it("names a missing variable", () => {
    expect(messageOf({ ...valid, DATABASE_URL: undefined })).toContain("DATABASE_URL is missing");
  });

  it("treats an empty value as missing", () => {
    expect(messageOf({ ...valid, NEXTAUTH_SECRET: "" })).toContain("NEXTAUTH_SECRET is missing");
  });

  it("names every malformed variable at once", () => {
    const message = messageOf({
      ...valid,
      DATABASE_URL: "mysql://localhost/ponte",
      PONTE_ENCRYPTION_KEY: "short",
      VENDUS_API_URL: "not a url",
    });
    expect(message).toContain("DATABASE_URL must be a postgresql:// connection string");
    expect(message).toContain("PONTE_ENCRYPTION_KEY must be 32 bytes");
    expect(message).toContain("VENDUS_API_URL");
  });

  it("accepts a base64 key and refuses a half-configured OAuth app", () => {
    expect(parseEnv({ ...valid, PONTE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") })).toBeTruthy();
    expect(messageOf({ ...valid, JUMPSELLER_CLIENT_ID: "abc" })).toContain(
      "JUMPSELLER_CLIENT_ID and JUMPSELLER_CLIENT_SECRET must be set together",
    );
  });

  describe("in production", () => {
    const production = {
      ...valid,
      NODE_ENV: "production",
      INNGEST_EVENT_KEY: "event-key",
      INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef",
    };

    it("refuses INNGEST_DEV, which turns off the request signatures of /api/inngest", () => {
      expect(messageOf({ ...production, INNGEST_DEV: "1" })).toContain("INNGEST_DEV must not be set in production");
      expect(parseEnv({ ...valid, NODE_ENV: "development", INNGEST_DEV: "1" }).INNGEST_DEV).toBe("1");
    });

    it("requires the Inngest signing and event keys", () => {
      expect(messageOf({ ...production, INNGEST_SIGNING_KEY: undefined })).toContain(
        "INNGEST_SIGNING_KEY is required in production",
      );
      expect(messageOf({ ...production, INNGEST_EVENT_KEY: undefined })).toContain(
        "INNGEST_EVENT_KEY is required in production",
      );
      expect(parseEnv(production).INNGEST_SIGNING_KEY).toBe(production.INNGEST_SIGNING_KEY);
    });

    it("checks the address Inngest calls the app at", () => {
      expect(messageOf({ ...production, INNGEST_SERVE_ORIGIN: "app:3000" })).toContain("INNGEST_SERVE_ORIGIN");
      expect(parseEnv({ ...production, INNGEST_SERVE_ORIGIN: "http://app:3000" }).INNGEST_SERVE_ORIGIN).toBe(
        "http://app:3000",
      );
    });
  });
});

describe("parseEnv by group", () => {
  it("checks only what a command needs: migrations need the database alone", () => {
    const env = parseEnv({ DATABASE_URL: valid.DATABASE_URL }, ["database"]);
    expect(env.DATABASE_URL).toBe(valid.DATABASE_URL);
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(() => parseEnv({}, ["database"])).toThrow("DATABASE_URL is missing");
  });

  it("names every problem of every group asked for, and nothing else", () => {
    const message = messageOf({ DATABASE_URL: "mysql://x", VENDUS_API_URL: "nope" });
    expect(message).toContain("DATABASE_URL must be a postgresql:// connection string");
    expect(message).toContain("NEXTAUTH_SECRET is missing");
    expect(message).toContain("PONTE_ENCRYPTION_KEY is missing");
    try {
      parseEnv({ DATABASE_URL: "mysql://x", VENDUS_API_URL: "nope" }, ["database", "encryption"]);
    } catch (error) {
      expect((error as Error).message).not.toContain("NEXTAUTH_SECRET");
      expect((error as Error).message).not.toContain("VENDUS_API_URL");
    }
  });

  it("validates a group nobody asked for when one of its variables is first read, with the same message", () => {
    const source = { DATABASE_URL: valid.DATABASE_URL, PONTE_ENCRYPTION_KEY: "short" };
    const env = parseEnv(source, ["database"]);
    expect(env.DATABASE_URL).toBe(valid.DATABASE_URL);
    expect(messageOf(source, (e) => e.PONTE_ENCRYPTION_KEY)).toContain("PONTE_ENCRYPTION_KEY must be 32 bytes");
    expect(messageOf(source, (e) => e.NEXTAUTH_SECRET)).toContain("NEXTAUTH_SECRET is missing");
  });
});

describe("loadEnvFiles", () => {
  let dir: string | undefined;
  afterEach(() => {
    vi.unstubAllEnvs();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads .env and .env.local like the app, without overriding what the environment already says", () => {
    dir = mkdtempSync(path.join(tmpdir(), "ponte-env-"));
    writeFileSync(path.join(dir, ".env"), "PONTE_T_FROM_FILE=env\nPONTE_T_BOTH=env\nPONTE_T_SET=file\n");
    writeFileSync(path.join(dir, ".env.production"), "PONTE_T_BOTH=production\n");
    vi.stubEnv("PONTE_T_SET", "shell");
    vi.stubEnv("PONTE_T_FROM_FILE", undefined);
    vi.stubEnv("PONTE_T_BOTH", undefined);
    vi.stubEnv("NODE_ENV", "production");
    const files = loadEnvFiles({ dir, development: false });
    expect(files.sort()).toEqual([".env", ".env.production"]);
    expect(process.env.PONTE_T_FROM_FILE).toBe("env");
    expect(process.env.PONTE_T_BOTH).toBe("production");
    expect(process.env.PONTE_T_SET).toBe("shell");
  });
});
