// The README's map for newcomers stays true: every file "Follow a paid order" names exists, in the order a paid
// order meets them, and "Layout" has a line for every top-level folder of the repository.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");

function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README has a "${title}" section`).toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

// `lib/x.ts`, `app/api/…/route.ts`: a code span that names a file of the repository.
const namedFiles = (text: string) =>
  [...text.matchAll(/`([\w.[\]()-]+(?:\/[\w.[\]()-]+)+\.(?:ts|tsx|md))`/g)].map((m) => m[1]!);

describe("README: Follow a paid order", () => {
  const text = section("Follow a paid order");
  const files = namedFiles(text);

  it("names only files that exist", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files.filter((file) => !existsSync(path.join(root, file)))).toEqual([]);
  });

  it("goes from the webhook route through the job, Inngest and the engine to Vendus and back to Jumpseller", () => {
    const steps = [...text.matchAll(/^\d+\. `([^`]+)`/gm)].map((m) => m[1]);
    expect(steps).toEqual([
      "app/api/webhooks/jumpseller/route.ts",
      "lib/ingest/ingest.ts",
      "lib/ingest/record.ts",
      "lib/jobs/dispatch.ts",
      "inngest/functions/invoice-order.ts",
      "lib/pipeline/invoice.ts",
      "lib/pipeline/vendus-documents.ts",
      "lib/pipeline/attach.ts",
    ]);
  });
});

describe("README: Layout", () => {
  it("has a line for every top-level folder", () => {
    const text = section("Layout");
    const listed = [...text.matchAll(/^(\w[\w-]*)\/\s/gm)].map((m) => m[1]);
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules")
      .map((entry) => entry.name)
      .filter((name) => !["test-results", "playwright-report", "coverage"].includes(name));
    expect(folders.filter((folder) => !listed.includes(folder))).toEqual([]);
    expect(listed.filter((folder) => !existsSync(path.join(root, folder!)))).toEqual([]);
  });
});
