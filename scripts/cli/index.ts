// The operator CLI's commands. Each file under scripts/cli/ exports its commands; this list is the registry.
import { dbMigrate } from "./db";
import { storeAdd, storeList } from "./stores";
import type { CliCommand } from "./types";
import { userCreate } from "./users";

export const commands: CliCommand[] = [dbMigrate, userCreate, storeAdd, storeList];
