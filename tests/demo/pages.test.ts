// The demo's warm-up and its page benchmark visit every dashboard page: a page added under app/(dashboard)
// without a place in the list would escape both.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dashboardPaths } from "@/scripts/demo/pages";

const dashboard = path.join(process.cwd(), "app", "(dashboard)");

/** Each page.tsx under app/(dashboard) as a pattern of the paths it serves (route groups dropped). */
function pagePatterns(): RegExp[] {
  const files = readdirSync(dashboard, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "page.tsx",
  );
  return files.map((file) => {
    const segments = path
      .dirname(file)
      .split(path.sep)
      .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment))
      .map((segment) => (/^\[.*\]$/.test(segment) ? "[A-Za-z0-9_-]+" : segment));
    return new RegExp(`^/${segments.join("/")}$`);
  });
}

describe("the demo's page list", () => {
  it("visits every dashboard page, and nothing that is not one", () => {
    const paths = dashboardPaths({ order: "/orders/ord_1", store: "/stores/sto_1" }).map((p) => p.split("?")[0]!);
    const patterns = pagePatterns();
    expect(patterns.length).toBeGreaterThanOrEqual(9);
    for (const pattern of patterns)
      expect(
        paths.some((p) => pattern.test(p)),
        String(pattern),
      ).toBe(true);
    for (const p of paths)
      expect(
        patterns.some((pattern) => pattern.test(p)),
        p,
      ).toBe(true);
  });
});
