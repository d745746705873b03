import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/ponte",
  NEXTAUTH_SECRET: "x".repeat(40),
  PONTE_ENCRYPTION_KEY: "a".repeat(64),
};

function messageOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
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
});
