// The configuration files every entry point reads: the same files, in the same order, as `next start` and
// `next dev` read them (@next/env): `.env.<mode>.local`, `.env.local` (not in tests), `.env.<mode>`, `.env`.
// Variables already set in the environment win over the files.
import { loadEnvConfig } from "@next/env";

const quiet = { info: () => undefined, error: (...args: unknown[]) => console.error(...args) };

/** Loads the `.env` files of `dir` into process.env; `development` picks the files `next dev` reads. */
export function loadEnvFiles(options: { dir?: string; development?: boolean } = {}): string[] {
  const { loadedEnvFiles } = loadEnvConfig(
    options.dir ?? process.cwd(),
    options.development ?? process.env.NODE_ENV === "development",
    quiet,
  );
  return loadedEnvFiles.map((file) => file.path);
}
