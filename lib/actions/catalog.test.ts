// Every server action goes through defineAction, and says which permission it needs and how it finds its
// store. Signed out, every action but the language switch answers unauthenticated before reading anything.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => undefined }) }));

const { actionModules, listServerActions } = await import("./catalog");

const merchant: SessionUser = {
  id: "u1",
  email: "m@example.pt",
  name: "M",
  role: "merchant",
  allStores: false,
  locale: "en",
};

describe("the server-action catalog", () => {
  it("lists every file of server actions", () => {
    const dir = path.join(process.cwd(), "lib/actions");
    const serverFiles = readdirSync(dir)
      .filter((file) => file.endsWith(".ts") && readFileSync(path.join(dir, file), "utf8").startsWith('"use server"'))
      .map((file) => file.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(actionModules).sort()).toEqual(serverFiles);
  });

  it("knows each action's permission and store scope", () => {
    expect(listServerActions().map(({ name, permission, store }) => ({ name, permission, store }))).toEqual([
      { name: "connect.saveVendusKeyAction", permission: "stores.settings", store: "store" },
      { name: "connect.finishStoreSetupAction", permission: "stores.settings", store: "store" },
      { name: "corrections.correctOrder", permission: "jobs.retry", store: "store" },
      { name: "corrections.removeCorrection", permission: "jobs.retry", store: "store" },
      { name: "corrections.creditAndReissue", permission: "credit-notes.issue", store: "document" },
      { name: "credit-notes.submitCreditNote", permission: "credit-notes.issue", store: "document" },
      { name: "jobs.retryJob", permission: "jobs.retry", store: "job" },
      { name: "jobs.retrySelectedJobs", permission: "jobs.retry", store: "visible-stores" },
      { name: "jobs.retryAllFailedJobs", permission: "jobs.retry", store: "store" },
      { name: "jobs.retryFailureGroup", permission: "jobs.retry", store: "store" },
      { name: "month-close.refreshMonthClose", permission: "month-close.refresh", store: "store" },
      { name: "month-close.exportSaftZip", permission: "saft.export", store: "visible-stores" },
      { name: "password-reset.requestPasswordReset", permission: "anyone", store: "none" },
      { name: "password-reset.resetPassword", permission: "anyone", store: "none" },
      { name: "profile.switchLocale", permission: "anyone", store: "none" },
      { name: "profile.updateProfile", permission: "signed-in", store: "none" },
      { name: "profile.changePassword", permission: "signed-in", store: "none" },
      { name: "readiness.checkStoreConnection", permission: "stores.view", store: "store" },
      { name: "stores.updateStoreSettings", permission: "stores.settings", store: "store" },
      { name: "users.createUserAccount", permission: "users.manage", store: "none" },
      { name: "users.updateUserAccess", permission: "users.manage", store: "none" },
      { name: "users.setUserActive", permission: "users.manage", store: "none" },
      { name: "users.sendPasswordResetLink", permission: "users.manage", store: "none" },
    ]);
  });

  it("answers unauthenticated to a signed-out caller, whatever the arguments", async () => {
    currentUser = null;
    for (const { name, permission, action } of listServerActions()) {
      if (permission === "anyone") continue;
      const call = action as (...args: unknown[]) => Promise<unknown>;
      expect({ name, answer: await call("x", null, new FormData()) }).toEqual({
        name,
        answer: { error: "unauthenticated" },
      });
    }
  });

  it("refuses a role without the permission before reading its input", async () => {
    currentUser = merchant;
    for (const { name, permission, store, action } of listServerActions()) {
      if (permission !== "users.manage" || store !== "none") continue;
      const call = action as (...args: unknown[]) => Promise<unknown>;
      expect({ name, answer: await call("x", null, new FormData()) }).toEqual({ name, answer: { error: "forbidden" } });
    }
  });

  it("lets the language switch work signed out, and refuses an unknown language", async () => {
    currentUser = null;
    const { switchLocale } = actionModules.profile;
    expect(await switchLocale("en")).toEqual({ ok: true });
    expect(await switchLocale("xx")).toEqual({ error: "invalid" });
  });
});
