// The ponte CLI run in-process by a test, with what it printed.
import { vi } from "vitest";

export type RunCli = (argv: string[], out?: (line: string) => void) => Promise<number>;

/** Runs `ponte <argv>` with runCli (scripts/ponte.ts): its exit code, its output and what it wrote to stderr. */
export async function runCliCaptured(runCli: RunCli, argv: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(String(line)));
  try {
    const code = await runCli(argv, (line) => lines.push(line));
    return { code, out: lines.join("\n"), err: errors.join("\n") };
  } finally {
    spy.mockRestore();
  }
}
