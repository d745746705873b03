// The operator CLI's commands. Each file under scripts/cli/ exports its commands; this list is the registry.
import { storeCheck } from "./check";
import { creditNoteIssue } from "./creditnotes";
import { dbMigrate } from "./db";
import { storeHooks } from "./hooks";
import { storeAdd, storeList } from "./stores";
import { jobsList, jobsRetry } from "./jobs";
import { keysReseal } from "./keys";
import { monthClose } from "./month-close";
import type { CliCommand } from "./types";
import { userCreate } from "./users";

export const commands: CliCommand[] = [
  dbMigrate,
  userCreate,
  storeAdd,
  storeList,
  storeHooks,
  storeCheck,
  jobsList,
  jobsRetry,
  creditNoteIssue,
  keysReseal,
  monthClose,
];
