import type { Db } from "../../lib/db";
import type { ConfigGroup } from "../../lib/env";

export interface CliContext {
  db: Db;
  args: string[];
  out(line: string): void;
}

// Every command is declared in this shape (name, config, summary, usage, run), so declarations look alike by design.
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /**
   * The configuration the command needs, checked before it runs (see lib/env.ts): `db:migrate` needs only
   * the database; commands that open or seal a store's secrets need the encryption key too.
   */
  config: ConfigGroup[];
  /** Commands that manage the database schema run without a Prisma client. */
  needsDb?: boolean;
  run(ctx: CliContext): Promise<void>;
}

/** A mistake in the command line: printed (with the command's usage unless it would not help), exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

/** Ends a command with this exit code and nothing more to print (what mattered is already printed). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
