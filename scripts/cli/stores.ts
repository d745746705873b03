import { ZodError } from "zod";
import { connectStore } from "../../lib/stores";
import { optionalInt, parseFlags, required, table, yesNo } from "./args";
import { type CliCommand, type CliContext, UsageError } from "./types";

export const storeAdd: CliCommand = {
  name: "store:add",
  summary: "Connect a store: Jumpseller credentials, hooks token, Vendus API key, settings",
  usage: [
    "store:add --code <store code> --name <name> --vendus-key <key>",
    "          (--jumpseller-login <login> --jumpseller-token <authtoken> | --access-token <t> --refresh-token <t> [--expires-at <iso>])",
    "          [--hooks-token <token>] [--register <id>] [--document-type FT|FR] [--payment-method <id>] [--vat 23]",
    "          [--region PT|PT-MA|PT-AC] [--oss yes|no] [--test-mode yes|no] [--enabled yes|no] [--auto-credit-note yes|no]",
    "          [--exemption M07 --exemption-law '<law>'] [--invalid-nif refuse|consumidor_final] [--notify <email>]...",
    "          [--skip-hooks]   (by default the store's Jumpseller webhooks are registered to NEXTAUTH_URL)",
  ].join("\n"),
  async run({ db, args, out }) {
    const { values: v } = parseFlags(args, {
      code: { type: "string" },
      name: { type: "string" },
      "vendus-key": { type: "string" },
      "jumpseller-login": { type: "string" },
      "jumpseller-token": { type: "string" },
      "access-token": { type: "string" },
      "refresh-token": { type: "string" },
      "expires-at": { type: "string" },
      "hooks-token": { type: "string" },
      register: { type: "string" },
      "document-type": { type: "string" },
      "payment-method": { type: "string" },
      vat: { type: "string" },
      region: { type: "string" },
      oss: { type: "string" },
      "test-mode": { type: "string" },
      enabled: { type: "string" },
      "auto-credit-note": { type: "string" },
      exemption: { type: "string" },
      "exemption-law": { type: "string" },
      "invalid-nif": { type: "string" },
      notify: { type: "string", multiple: true },
      "skip-hooks": { type: "boolean" },
    });
    const jumpseller = v["access-token"]
      ? {
          kind: "oauth" as const,
          accessToken: v["access-token"],
          refreshToken: required(v["refresh-token"], "refresh-token"),
          expiresAt: v["expires-at"] ?? new Date(Date.now() + 3600_000).toISOString(),
        }
      : {
          kind: "private" as const,
          login: required(v["jumpseller-login"], "jumpseller-login"),
          authtoken: required(v["jumpseller-token"], "jumpseller-token"),
        };
    try {
      const store = await connectStore(db, {
        code: required(v.code, "code"),
        vendusApiKey: required(v["vendus-key"], "vendus-key"),
        hooksToken: v["hooks-token"] ?? null,
        jumpseller,
        settings: {
          name: v.name ?? required(v.code, "code"),
          enabled: yesNo(v.enabled, "enabled") ?? true,
          oss: yesNo(v.oss, "oss"),
          testMode: yesNo(v["test-mode"], "test-mode"),
          autoCreditNote: yesNo(v["auto-credit-note"], "auto-credit-note"),
          vendusRegisterId: optionalInt(v.register, "register"),
          vendusPaymentMethodId: optionalInt(v["payment-method"], "payment-method"),
          documentType: v["document-type"] as "FT" | "FR" | undefined,
          defaultVatRate: v.vat === undefined ? undefined : Number(v.vat),
          vendusRegion: v.region as "PT" | "PT-MA" | "PT-AC" | undefined,
          exemptionCode: v.exemption ?? null,
          exemptionLaw: v["exemption-law"] ?? null,
          invalidNifPolicy: v["invalid-nif"] as "refuse" | "consumidor_final" | undefined,
          notificationEmails: v.notify ?? [],
        },
      });
      out(`Connected store ${store.code} (${store.id})`);
      if (!v["skip-hooks"]) await registerHooks(db, store, out);
    } catch (error) {
      if (error instanceof ZodError) {
        throw new UsageError(error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      }
      throw error;
    }
  },
};

async function registerHooks(db: CliContext["db"], store: { id: string; code: string }, out: (line: string) => void) {
  const { ensureWebhooks } = await import("../../lib/connect/webhooks");
  try {
    const sync = await ensureWebhooks(store, { db });
    out(`Webhooks point to ${sync.url} (created: ${sync.created.join(", ") || "none"}; kept: ${sync.kept.join(", ") || "none"})`);
  } catch (error) {
    // The store is saved either way; hooks can be registered later, once Jumpseller answers.
    out(`Warning: webhooks not registered (${error instanceof Error ? error.message : String(error)}).`);
    out(`Run \`npm run ponte -- store:hooks --store ${store.code}\` once Jumpseller is reachable.`);
  }
}

export const storeList: CliCommand = {
  name: "store:list",
  summary: "List connected stores and their settings (never their secrets)",
  usage: "store:list",
  async run({ db, out }) {
    const stores = await db.store.findMany({
      orderBy: { code: "asc" },
      select: {
        id: true, code: true, name: true, enabled: true, documentType: true, vendusRegisterId: true,
        testMode: true, oss: true, credential: { select: { jumpsellerAuth: true, vendusKeyHint: true } },
      },
    });
    if (stores.length === 0) return out("No stores yet: connect one with store:add.");
    table(
      stores.map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        enabled: s.enabled ? "yes" : "no",
        doc: s.documentType,
        register: s.vendusRegisterId,
        mode: s.testMode ? "tests" : "normal",
        oss: s.oss ? "yes" : "no",
        jumpseller: s.credential?.jumpsellerAuth ?? "-",
        vendusKey: s.credential?.vendusKeyHint ?? "-",
      })),
      out,
    );
  },
};
