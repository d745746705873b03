import { ZodError } from "zod";
import {
  storeSettingsErrorWords,
  type SettingsErrors,
  type StoreSettingsField,
  type StoreSettingsInput,
} from "../../lib/store-settings";
import { resumeAfterReconnect } from "../../lib/outages/reconnect";
import { connectStore, StoreSettingsRefused } from "../../lib/stores";
import { parseFlags, required, table } from "./args";
import { printReadiness } from "./check";
import { type CliCommand, type CliContext, UsageError } from "./types";

export const storeAdd: CliCommand = {
  name: "store:add",
  config: ["database", "encryption", "services", "app"],
  summary: "Connect a store: Jumpseller credentials, hooks token, Vendus API key, settings",
  usage: [
    "store:add --code <store code> --name <name> --vendus-key <key>",
    "          (--jumpseller-login <login> --jumpseller-token <authtoken> | --access-token <t> --refresh-token <t> [--expires-at <iso>])",
    "          [--hooks-token <token>] [--register <id>] [--document-type FT|FR] [--payment-method <id>] [--vat 23]",
    "          [--region PT|PT-MA|PT-AC] [--oss yes|no] [--test-mode yes|no] [--enabled yes|no] [--auto-credit-note yes|no]",
    "          [--exemption M07 --exemption-law '<law>'] [--invalid-nif refuse|consumidor_final] [--notify <email>]...",
    "          [--invalid-vat-number refuse|consumer] [--shipping-vat as_charged|follow_goods] [--vies yes|no]",
    "          [--skip-hooks]   (by default the store's Jumpseller webhooks are registered to NEXTAUTH_URL)",
    "          [--skip-check]   (by default the store is then checked against Vendus and Jumpseller, as store:check does)",
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
      "invalid-vat-number": { type: "string" },
      "shipping-vat": { type: "string" },
      vies: { type: "string" },
      notify: { type: "string", multiple: true },
      "skip-hooks": { type: "boolean" },
      "skip-check": { type: "boolean" },
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
    const code = required(v.code, "code");
    // Text as typed: the store-settings model reads it, exactly as it reads the dashboard's forms.
    const settings: StoreSettingsInput = {
      name: v.name ?? code,
      enabled: v.enabled ?? "yes",
      oss: v.oss,
      testMode: v["test-mode"],
      autoCreditNote: v["auto-credit-note"],
      vendusRegisterId: v.register,
      vendusPaymentMethodId: v["payment-method"],
      documentType: v["document-type"],
      defaultVatRate: v.vat,
      vendusRegion: v.region,
      exemptionCode: v.exemption,
      exemptionLaw: v["exemption-law"],
      invalidNifPolicy: v["invalid-nif"],
      invalidVatNumberPolicy: v["invalid-vat-number"],
      shippingVat: v["shipping-vat"],
      viesCheck: v.vies,
      notificationEmails: v.notify,
    };
    let store;
    try {
      store = await connectStore(db, {
        code,
        vendusApiKey: required(v["vendus-key"], "vendus-key"),
        hooksToken: v["hooks-token"] ?? null,
        jumpseller,
        settings,
      });
    } catch (error) {
      if (error instanceof StoreSettingsRefused) throw new UsageError(refusal(error.errors), false);
      if (error instanceof ZodError) {
        throw new UsageError(error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      }
      throw error;
    }
    out(`Connected store ${store.code} (${store.id})`);
    // Connected again with new credentials: jobs that waited for them resume.
    for (const reason of ["vendus_key", "jumpseller_access"] as const) {
      const { resumed } = await resumeAfterReconnect(db, store.id, reason);
      if (resumed > 0) out(`Resumed ${resumed} job(s) that waited for the store to be reconnected`);
    }
    if (!v["skip-hooks"]) await registerHooks(db, store, out);
    if (!v["skip-check"]) await printReadiness(db, store, out);
  },
};

// The flag that sets each setting, to name it in a refusal.
const flagOf: Record<StoreSettingsField, string> = {
  name: "--name",
  enabled: "--enabled",
  oss: "--oss",
  testMode: "--test-mode",
  autoCreditNote: "--auto-credit-note",
  vendusRegisterId: "--register",
  vendusPaymentMethodId: "--payment-method",
  documentType: "--document-type",
  defaultVatRate: "--vat",
  exemptionCode: "--exemption",
  exemptionLaw: "--exemption-law",
  invalidNifPolicy: "--invalid-nif",
  invalidVatNumberPolicy: "--invalid-vat-number",
  shippingVat: "--shipping-vat",
  viesCheck: "--vies",
  nifFieldLabel: "(NIF field label)",
  notificationEmails: "--notify",
  vendusRegion: "--region",
};

/** The model's refusal, one line per setting, in the words the dashboard uses. */
export function refusal(errors: SettingsErrors): string {
  const lines = Object.entries(errors).map(
    ([field, code]) => `  ${flagOf[field as StoreSettingsField]}: ${storeSettingsErrorWords[code]}`,
  );
  return `refused these settings (nothing was saved):\n${lines.join("\n")}`;
}

async function registerHooks(db: CliContext["db"], store: { id: string; code: string }, out: (line: string) => void) {
  const { ensureWebhooks } = await import("../../lib/connect/webhooks");
  try {
    const sync = await ensureWebhooks(store, { db });
    out(
      `Webhooks point to ${sync.url} (created: ${sync.created.join(", ") || "none"}; kept: ${sync.kept.join(", ") || "none"})`,
    );
  } catch (error) {
    // The store is saved either way; hooks can be registered later, once Jumpseller answers.
    out(`Warning: webhooks not registered (${error instanceof Error ? error.message : String(error)}).`);
    out(`Run \`npm run ponte -- store:hooks --store ${store.code}\` once Jumpseller is reachable.`);
  }
}

export const storeList: CliCommand = {
  name: "store:list",
  config: ["database"],
  summary: "List connected stores and their settings (never their secrets)",
  usage: "store:list",
  async run({ db, out }) {
    const stores = await db.store.findMany({
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        enabled: true,
        documentType: true,
        vendusRegisterId: true,
        testMode: true,
        oss: true,
        credential: { select: { jumpsellerAuth: true, vendusKeyHint: true } },
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
