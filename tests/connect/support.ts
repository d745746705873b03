// Shared by the connect tests: both simulators in-process, a database of their own, and the environment
// that points Ponte at them. Call before importing anything that reads the configuration.
import { vi } from "vitest";
import { sessionUserSelect } from "../../lib/access";
import { resetEnvCache } from "../../lib/env";
import { startJumpsellerSimulator, type JumpsellerSimulator } from "../../simulators/jumpseller";
import { startVendusSimulator, type VendusSimulator } from "../../simulators/vendus";
import { createTestDatabase, type TestDatabase } from "../db";

export const ponteUrl = "https://ponte.example.test";
export const redirectUri = `${ponteUrl}/api/jumpseller/oauth/callback`;
export const hookUrl = `${ponteUrl}/api/webhooks/jumpseller`;
export const goodVendusKey = "vendus-key-0001-good";

export interface ConnectWorld {
  test: TestDatabase;
  jumpseller: JumpsellerSimulator;
  vendus: VendusSimulator;
  close(): Promise<void>;
}

export async function startConnectWorld(): Promise<ConnectWorld> {
  const test = await createTestDatabase();
  const jumpseller = await startJumpsellerSimulator({
    storeCode: "loja-azul",
    storeName: "Loja Azul",
    redirectUris: [redirectUri],
    rateLimit: false,
  });
  const vendus = await startVendusSimulator({ apiKeys: [goodVendusKey], region: "PT-MA" });
  vi.stubEnv("DATABASE_URL", test.url);
  vi.stubEnv("NEXTAUTH_URL", ponteUrl);
  vi.stubEnv("JUMPSELLER_CLIENT_ID", jumpseller.control.store.clientId);
  vi.stubEnv("JUMPSELLER_CLIENT_SECRET", jumpseller.control.store.clientSecret);
  vi.stubEnv("JUMPSELLER_API_URL", jumpseller.url);
  vi.stubEnv("JUMPSELLER_AUTH_URL", jumpseller.authUrl);
  vi.stubEnv("VENDUS_API_URL", vendus.url);
  resetEnvCache();
  return {
    test,
    jumpseller,
    vendus,
    async close() {
      vi.unstubAllEnvs();
      resetEnvCache();
      await Promise.all([jumpseller.close(), vendus.close()]);
      await test.drop();
    },
  };
}

const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };
const unescapeHtml = (text: string) => text.replace(/&(lt|gt|quot|#39|amp);/g, (entity) => entities[entity] ?? entity);

/** What a person does on Jumpseller's consent page: open it, then press Approve. Returns the callback URL. */
export async function approveOnConsentPage(authorizeUrl: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (!page.ok || !html.includes("Approve")) throw new Error(`No consent page: ${page.status} ${html}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(name!, unescapeHtml(value!));
  }
  fields.set("decision", "approve");
  const action = new URL("/oauth/authorize", authorizeUrl);
  const answer = await fetch(action, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`Approve did not redirect: ${answer.status}`);
  return new URL(location);
}

/** A user row and the SessionUser the dashboard would build for it. */
export async function createSessionUser(
  db: TestDatabase["db"],
  role: "admin" | "accountant" | "merchant",
  email: string,
  allStores = role === "admin",
) {
  return db.user.create({
    data: { email, name: email.split("@")[0]!, passwordHash: "unused", role, allStores },
    select: sessionUserSelect,
  });
}

/** Fails when any of `secrets` appears anywhere in `value` once serialised. */
export function findSecrets(value: unknown, secrets: string[]): string[] {
  const text = JSON.stringify(value);
  return secrets.filter((secret) => secret.length > 0 && text.includes(secret));
}
