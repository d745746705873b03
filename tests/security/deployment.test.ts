// What goes into the production image and how it is built: no developer's secrets baked in (the Dockerfile
// copies the whole context), and no build that ships code the type checker refused.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

const root = path.resolve(__dirname, "../..");

/** Docker's .dockerignore rules: glob patterns from the context root, later rules win, "!" re-includes. */
function dockerIgnores(patterns: string[], file: string): boolean {
  let ignored = false;
  for (const line of patterns) {
    const negated = line.startsWith("!");
    const glob = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, "");
    const source = glob
      .split(/(\*\*\/?|\*|\?)/)
      .map((part) =>
        part === "**/" || part === "**"
          ? "(?:.*/)?"
          : part === "*"
            ? "[^/]*"
            : part === "?"
              ? "[^/]"
              : part.replace(/[.+^${}()|[\]\\]/g, "\\$&"),
      )
      .join("");
    // A pattern that names a directory excludes everything under it.
    if (new RegExp(`^${source}(?:/.*)?$`).test(file)) ignored = !negated;
  }
  return ignored;
}

describe("the Docker build context", () => {
  const patterns = readFileSync(path.join(root, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

  it.each([".env", ".env.local", ".env.production", ".env.production.local", "scripts/.env", ".git/config"])(
    "leaves out %s",
    (file) => {
      expect(dockerIgnores(patterns, file)).toBe(true);
    },
  );

  it.each(["package.json", "app/layout.tsx", "prisma/schema.prisma", "scripts/start.ts"])("keeps %s", (file) => {
    expect(dockerIgnores(patterns, file)).toBe(false);
  });
});

describe("next.config", () => {
  it("does not let a build skip the type check", () => {
    expect(nextConfig.typescript?.ignoreBuildErrors).not.toBe(true);
  });
});
