// Every server action of the dashboard, by name, with the permission it needs and how it finds its store
// (see action.ts). For tests and tools that must cover them all, such as the tenant-isolation checks: a new
// action file belongs here, and tests/dashboard/action-catalog.test.ts fails until it is.
import { actionInfo, type ActionInfo } from "./action";
import * as connect from "./connect";
import * as corrections from "./corrections";
import * as creditNotes from "./credit-notes";
import * as jobs from "./jobs";
import * as monthClose from "./month-close";
import * as passwordReset from "./password-reset";
import * as profile from "./profile";
import * as readiness from "./readiness";
import * as stores from "./stores";
import * as users from "./users";

export const actionModules = {
  connect,
  corrections,
  "credit-notes": creditNotes,
  jobs,
  "month-close": monthClose,
  "password-reset": passwordReset,
  profile,
  readiness,
  stores,
  users,
};

export interface CatalogEntry extends ActionInfo {
  /** "<file>.<export>", e.g. "jobs.retryJob". */
  name: string;
  action: (...args: never[]) => Promise<unknown>;
}

/** Every exported action, in file order. Throws on an export that was not built by defineAction. */
export function listServerActions(): CatalogEntry[] {
  return Object.entries(actionModules).flatMap(([file, module]) =>
    Object.entries(module as Record<string, unknown>)
      .filter(([, value]) => typeof value === "function")
      .map(([name, value]) => {
        const info = actionInfo(value);
        if (!info) throw new Error(`${file}.${name} is a server action not built by defineAction`);
        return { name: `${file}.${name}`, ...info, action: value as CatalogEntry["action"] };
      }),
  );
}
