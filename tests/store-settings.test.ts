// One store-settings model: the CLI, the dashboard's settings form and the connect flow's setup step refuse
// the same settings, for the same fields, in the same words, and write nothing when they do.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/access";
import en from "@/messages/en.json";
import { startDashboardWorld, type DashboardWorld } from "./dashboard/world";
import { runCliCaptured } from "./support/cli";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth", () => ({ getSessionUser: async () => currentUser }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/server", () => ({ after: () => undefined }));

const { updateStoreSettings } = await import("@/lib/actions/stores");
const { finishStoreSetup } = await import("@/lib/connect/setup");
const { runCli } = await import("../scripts/ponte");

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  currentUser = world.users.admin;
});
afterAll(() => world.close());

const cli = (...argv: string[]) => runCliCaptured(runCli, argv);

const addStore = (...flags: string[]) =>
  cli(
    "store:add",
    "--code",
    "loja-nova",
    "--vendus-key",
    "VENDUSKEY-0001-abcd",
    "--jumpseller-login",
    "loja-nova",
    "--jumpseller-token",
    "a".repeat(32),
    "--skip-hooks",
    "--skip-check",
    ...flags,
  );

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const dashboardForm = {
  enabled: "on",
  documentType: "FR",
  vendusRegisterId: "101",
  vendusPaymentMethodId: "304",
  defaultVatRate: "23",
  invalidNifPolicy: "refuse",
  notificationEmails: "",
};

const cases = [
  {
    what: "an enabled invoice-receipt store without a payment method",
    flags: ["--register", "101", "--document-type", "FR"],
    form: { vendusPaymentMethodId: "" },
    setup: { vendusPaymentMethodId: null },
    errors: { vendusPaymentMethodId: "payment_method_required" },
    lines: ["--payment-method: Invoice-receipts (FR) need a Vendus payment method"],
  },
  {
    what: "a 0 % default rate without an exemption",
    flags: ["--register", "101", "--payment-method", "304", "--vat", "0"],
    form: { defaultVatRate: "0" },
    setup: { defaultVatRate: 0 },
    errors: { exemptionCode: "exemption_required", exemptionLaw: "exemption_required" },
    lines: [
      "--exemption: A 0 % rate needs an exemption code and its legal basis",
      "--exemption-law: A 0 % rate needs an exemption code and its legal basis",
    ],
  },
  {
    what: "a rate the region does not have",
    flags: ["--register", "101", "--payment-method", "304", "--vat", "30"],
    form: { defaultVatRate: "30" },
    setup: { defaultVatRate: 30 },
    errors: { defaultVatRate: "vat_not_regional" },
    lines: [`--vat: ${en.storeSettingsErrors.vat_not_regional}`],
  },
  {
    what: "an enabled store without a register",
    flags: ["--payment-method", "304"],
    form: { vendusRegisterId: "" },
    setup: { vendusRegisterId: null },
    errors: { vendusRegisterId: "register_required" },
    lines: ["--register: An enabled store needs a Vendus register"],
  },
];

describe.each(cases)("$what", ({ flags, form: changes, setup, errors, lines }) => {
  it("is refused by the CLI, naming each flag in the dashboard's words, and nothing is saved", async () => {
    const result = await addStore(...flags);
    expect(result.code).toBe(2);
    expect(result.err).toContain("store:add: refused these settings (nothing was saved):");
    for (const line of lines) expect(result.err).toContain(line);
    expect(result.err).not.toContain("Usage:");
    expect(await world.test.db.store.count({ where: { code: "loja-nova" } })).toBe(0);
  });

  it("is refused by the dashboard's settings form for the same fields", async () => {
    const storeId = world.stores["loja-do-mar"]!;
    const before = await world.test.db.store.findUniqueOrThrow({ where: { id: storeId } });
    const result = await updateStoreSettings(storeId, null, form({ ...dashboardForm, ...changes }));
    expect(result).toEqual({ error: "invalid", fields: errors });
    expect(await world.test.db.store.findUniqueOrThrow({ where: { id: storeId } })).toEqual(before);
  });

  it("is refused by the connect flow's setup step for the same fields", async () => {
    const result = await finishStoreSetup({
      user: world.users.admin,
      storeId: world.stores["loja-do-mar"]!,
      vendusRegisterId: 101,
      documentType: "FR",
      vendusPaymentMethodId: 304,
      defaultVatRate: 23,
      oss: false,
      testMode: false,
      enabled: true,
      ...setup,
    });
    expect(result).toMatchObject({ error: "invalid", fields: errors });
  });
});

describe("settings the model accepts", () => {
  it("start from the database's own defaults for a new store", async () => {
    const { settingsOfRow, storeSettingsSelect } = await import("@/lib/stores");
    const { defaultStoreSettings } = await import("@/lib/store-settings");
    const row = await world.test.db.store.create({
      data: { code: "loja-defaults", name: "Loja" },
      select: storeSettingsSelect,
    });
    expect(settingsOfRow(row)).toEqual({ ...defaultStoreSettings, name: "Loja" });
  });

  it("are saved by the CLI as given", async () => {
    const result = await addStore("--register", "101", "--payment-method", "304", "--vat", "13", "--test-mode", "no");
    expect(result).toEqual({ code: 0, out: expect.stringMatching(/^Connected store loja-nova /), err: "" });
    const store = await world.test.db.store.findUniqueOrThrow({ where: { code: "loja-nova" } });
    expect(store).toMatchObject({ enabled: true, vendusRegisterId: 101, vendusPaymentMethodId: 304, testMode: false });
    expect(Number(store.defaultVatRate)).toBe(13);
  });
});
