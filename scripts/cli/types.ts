import type { Db } from "../../lib/db";

export interface CliContext {
  db: Db;
  args: string[];
  out(line: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Commands that manage the database schema run without a Prisma client. */
  needsDb?: boolean;
  run(ctx: CliContext): Promise<void>;
}

/** A mistake in the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
