// The operator CLI's commands. Each file under scripts/cli/ exports its commands; this list is the registry.
import { creditNoteIssue } from "./creditnotes";
import { dbMigrate } from "./db";
import { storeHooks } from "./hooks";
import { storeAdd, storeList } from "./stores";
import { jobsList, jobsRetry } from "./jobs";
import type { CliCommand } from "./types";
import { userCreate } from "./users";

export const commands: CliCommand[] = [dbMigrate, userCreate, storeAdd, storeList, storeHooks, jobsList, jobsRetry, creditNoteIssue];
