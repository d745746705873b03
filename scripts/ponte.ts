// Ponte's operator CLI: `npm run ponte -- <command> [flags]`. Reads `.env` like the app does; each command
// checks only the configuration it needs.
import { ConfigError, requireEnv } from "../lib/env";
import { loadEnvFiles } from "../lib/env-files";
import { commands } from "./cli/index";
import { ExitCode, UsageError } from "./cli/types";

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: npm run ponte -- <command> [flags]",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run a command with --help for its flags.",
  ].join("\n");
}

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (args.includes("--help")) {
    out(`Usage: npm run ponte -- ${command.usage}`);
    return 0;
  }
  try {
    requireEnv(...command.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${command.name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const { db } = await import("../lib/db");
  try {
    await command.run({ db, args, out });
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${command.name}: ${error.message}`);
      return 1;
    }
    if (error instanceof ExitCode) return error.code;
    if (error instanceof UsageError) {
      const usage = error.showUsage ? `\nUsage: npm run ponte -- ${command.usage}` : "";
      console.error(`${command.name}: ${error.message}${usage}`);
      return 2;
    }
    console.error(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (command.needsDb !== false) await db.$disconnect();
  }
}

if (require.main === module) {
  loadEnvFiles();
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
