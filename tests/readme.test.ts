// The README's "Running it for real", followed as written: its commands are read from README.md and run in a
// shell, in a directory of their own with a `.env` made from `.env.example`, against the Vendus and Jumpseller
// simulators and the Inngest stand-in. Two commands are not re-run here: `npm ci` (this checkout's
// dependencies are used) and `npm run build` (the production build of these very sources is used, made if
// missing: scripts/production-build.ts). The rest runs literally: migrate, start, create the admin, add and
// check the store; then an order is paid in the shop, and exactly one invoice reaches Vendus.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureProductionBuild } from "../scripts/production-build";
import { startInngestStandIn, type InngestStandIn } from "../simulators/inngest";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "../simulators/jumpseller";
import { startVendusSimulator, type VendusSimulator } from "../simulators/vendus";
import { adminQuery, databaseUrl, uniqueDatabaseName } from "./test-env";

const root = path.resolve(__dirname, "..");
const run = promisify(execFile);

/** The inline commands of the README's "Running it for real" section, in order. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const start = readme.indexOf("## Running it for real");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((c) => /^(cp|npm|openssl) /.test(c));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dir: string;
let env: Record<string, string | undefined>;
let vendus: VendusSimulator;
let jumpseller: JumpsellerSimulator;
let inngest: InngestStandIn;
let server: ChildProcess | null = null;
let port: number;
const dbName = uniqueDatabaseName("ponte_readme");
// The Inngest server of step 6, self-hosted: the stand-in, signing its calls with this key.
const inngestSigningKey = "signkey-prod-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const commands = readmeCommands();

/** Runs one README command in the project directory, with nothing from this test's environment but PATH. */
async function sh(command: string, extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run("bash", ["-c", command], {
      cwd: dir,
      env: { ...env, ...extraEnv } as NodeJS.ProcessEnv,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

function command(prefix: string): string {
  const found = commands.find((c) => c.startsWith(prefix));
  if (!found) throw new Error(`The README has no command starting with "${prefix}"`);
  return found;
}

beforeAll(async () => {
  await ensureProductionBuild(() => undefined);
  // A project directory of its own, so that its .env is the only configuration: the checkout's files, linked.
  dir = mkdtempSync(path.join(tmpdir(), "ponte-readme-"));
  const linked = ["package.json", "tsconfig.json", "next.config.ts", "node_modules", ".next", "app", "components"]
    .concat(["lib", "inngest", "i18n", "messages", "prisma", "scripts", "simulators", "public", "proxy.ts"])
    .concat(["instrumentation.ts", "postcss.config.mjs", "prisma.config.ts"]);
  for (const name of linked) {
    try {
      symlinkSync(path.join(root, name), path.join(dir, name));
    } catch {
      // Not every checkout has every entry (public/).
    }
  }
  copyFileSync(path.join(root, ".env.example"), path.join(dir, ".env.example"));
  env = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1" };

  port = await freePort();
  vendus = await startVendusSimulator({ apiKeys: ["vendus-key-of-mystore"] });
  jumpseller = await startJumpsellerSimulator({
    storeCode: "mystore",
    storeName: "My Store",
    login: "mystore",
    authtoken: "c".repeat(32),
    hooksToken: "mystore-hooks-token",
    webhookRetryDelaysMs: [],
  });
  inngest = await startInngestStandIn({ idleTimeoutMs: 60_000, signingKey: inngestSigningKey });
  await adminQuery(`CREATE DATABASE ${dbName}`);
}, 600_000);

afterAll(async () => {
  // The server may have exited already (a start that failed): nothing to stop then.
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  await Promise.all([vendus?.close(), jumpseller?.close(), inngest?.close()]);
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Each step starts the README's commands as new processes (npm, tsx, the CLI): on a loaded machine one step
// takes longer than the default minute.
describe("README: Running it for real", { timeout: 180_000 }, () => {
  it("step 2: .env from .env.example, with secrets from the README's own commands", async () => {
    expect((await sh(command("cp .env.example .env"))).code).toBe(0);
    const secret = (await sh(command("openssl rand -base64"))).out.trim();
    const key = (await sh(command("openssl rand -hex"))).out.trim();
    const linkKey = (await sh(command("openssl rand -hex"))).out.trim();
    expect(linkKey).not.toBe(key);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const values: Record<string, string> = {
      DATABASE_URL: databaseUrl(dbName),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: secret,
      PONTE_ENCRYPTION_KEY: key,
      PONTE_LINK_KEY: linkKey,
      // The services of this test: the simulators, and the Inngest stand-in as a self-hosted server (step 6).
      VENDUS_API_URL: vendus.url,
      JUMPSELLER_API_URL: jumpseller.url,
      JUMPSELLER_AUTH_URL: jumpseller.authUrl,
      INNGEST_BASE_URL: inngest.url,
      INNGEST_EVENT_KEY: "readme-event-key",
      INNGEST_SIGNING_KEY: inngestSigningKey,
    };
    let text = readFileSync(path.join(dir, ".env"), "utf8");
    for (const [name, value] of Object.entries(values)) {
      expect(text).toMatch(new RegExp(`^${name}=`, "m"));
      text = text.replace(new RegExp(`^${name}=.*$`, "m"), `${name}=${value}`);
    }
    writeFileSync(path.join(dir, ".env"), text);
  });

  it("step 3: migrates (with the database alone), then the app starts", async () => {
    const parts = command("npm ci &&")
      .split("&&")
      .map((part) => part.trim());
    expect(parts).toEqual(["npm ci", "npm run db:migrate", "npm run build", "npm start"]);
    const migrate = await sh(parts[1]!);
    expect(migrate.err).not.toContain("Invalid configuration");
    expect(migrate.out).toMatch(/Applied \d+ migration\(s\)/);
    expect((await sh(parts[1]!)).out).toContain("Database is up to date.");

    server = spawn("bash", ["-c", parts[3]!], {
      cwd: dir,
      env: { ...env, PORT: String(port) } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await vi.waitFor(
      async () => {
        const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (!up) throw new Error(`npm start did not answer; it printed:\n${output}`);
      },
      { timeout: 60_000, interval: 250 },
    );
    // Step 6: the app's functions are synced with the Inngest server.
    await inngest.register(`http://127.0.0.1:${port}/api/inngest`);
  });

  it("step 4: creates the first admin", async () => {
    const created = await sh(command("npm run ponte -- user:create").replace("'…'", "'a long admin password'"));
    expect(created.err).toBe("");
    expect(created.out).toContain("Created admin you@example.com");
  });

  it("step 5: adds the store from the CLI, which registers its webhooks and finds it ready; store:check agrees", async () => {
    const fill: Record<string, string> = {
      "--jumpseller-token": "c".repeat(32),
      "--hooks-token": "mystore-hooks-token",
      "--vendus-key": "vendus-key-of-mystore",
      "--register": "101",
      "--payment-method": "304",
    };
    const add = command("npm run ponte -- store:add").replace(/(--[a-z-]+) …/g, (all, flag: string) => {
      if (!fill[flag]) throw new Error(`No value for ${flag} in the README's store:add`);
      return `${flag} ${fill[flag]}`;
    });
    const added = await sh(add);
    expect(added.err).toBe("");
    expect(added.out).toContain(`Webhooks point to http://127.0.0.1:${port}/api/webhooks/jumpseller`);
    expect(added.out).toContain("mystore: Ready to invoice (1 warning).");
    expect(added.code).toBe(0);

    const checked = await sh(command("npm run ponte -- store:check"));
    expect(checked.code).toBe(0);
    expect(checked.out).toContain("✓ Vendus accepts the API key");
    expect(checked.out).toContain("! Test mode is on");
    expect(checked.out).toContain("mystore: Ready to invoice (1 warning).");
  });

  it("then a paid order becomes exactly one invoice in Vendus", async () => {
    const order = jumpseller.control.createOrder({
      products: [{ name: "Caneca", sku: "CAN-001", qty: 2, price: 12.5 }],
      nif: "123456789",
    });
    jumpseller.control.payOrder(order.id);
    await jumpseller.control.settle();
    // The webhook is answered at once; the job reaches Inngest just after, and the invoice follows.
    const invoices = () => vendus.control.documents().filter((d) => d.external_reference?.includes(String(order.id)));
    await expect.poll(() => invoices().length, { timeout: 60_000, interval: 200 }).toBeGreaterThan(0);
    await inngest.idle(60_000);
    const documents = invoices();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ type: "FR", register_id: 101, amount_gross: "25.00" });
  });
});
