// Installing Ponte as a Jumpseller app: the admin is sent to Jumpseller's consent page, and the callback
// turns the authorization code into a pending store (tokens sealed, hooks registered, disabled until its
// Vendus key and settings are given).
import { resumeAfterReconnect } from "@/lib/outages/reconnect";
import { can, type SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isServiceError } from "@/lib/errors";
import { createJumpsellerClient } from "@/lib/jumpseller/client";
import { jumpsellerScopes } from "@/lib/jumpseller/constants";
import { buildAuthorizeUrl, exchangeCode, type JumpsellerTokens } from "@/lib/jumpseller/oauth";
import { describeServiceFailure, failureOf } from "@/lib/service-errors";
import { saveInstallCredentials } from "./credentials";
import { checkInstallState, createInstallState, oauthRedirectUri } from "./install-state";
import { connectErrorMessages, failure, type ConnectFailure } from "./types";
import { ensureWebhooks, type WebhookSync } from "./webhooks";

export type StartInstallResult = { url: string } | ConnectFailure;

function oauthApp() {
  const env = getEnv();
  return env.JUMPSELLER_CLIENT_ID && env.JUMPSELLER_CLIENT_SECRET
    ? {
        clientId: env.JUMPSELLER_CLIENT_ID,
        clientSecret: env.JUMPSELLER_CLIENT_SECRET,
        authUrl: env.JUMPSELLER_AUTH_URL,
      }
    : null;
}

const notConfigured = () =>
  failure(
    "oauth_not_configured",
    "Set JUMPSELLER_CLIENT_ID and JUMPSELLER_CLIENT_SECRET to install Ponte as a Jumpseller app.",
  );

/** The Jumpseller consent page address, with a state only this user's callback will accept. */
export function startJumpsellerInstall(user: SessionUser, options: { now?: Date } = {}): StartInstallResult {
  if (!can(user, "stores.settings")) return failure("forbidden", connectErrorMessages.forbidden);
  const app = oauthApp();
  if (!app) return notConfigured();
  const url = buildAuthorizeUrl({
    clientId: app.clientId,
    redirectUri: oauthRedirectUri(),
    scopes: jumpsellerScopes,
    state: createInstallState(user.id, options.now),
    authUrl: app.authUrl,
  });
  return { url };
}

export interface InstalledStore {
  storeId: string;
  storeCode: string;
  storeName: string;
  isNew: boolean;
  webhooks: WebhookSync;
}

export type CompleteInstallResult = InstalledStore | (ConnectFailure & { storeId?: string });

const stateFailures = {
  malformed: failure(
    "state_invalid",
    "The link back from Jumpseller is not one Ponte issued. Start the installation again.",
  ),
  bad_signature: failure(
    "state_invalid",
    "The link back from Jumpseller is not one Ponte issued. Start the installation again.",
  ),
  expired: failure("state_expired", "The installation took longer than 10 minutes. Start it again."),
  wrong_user: failure(
    "state_wrong_user",
    "This installation was started by another user. Start it again from your own session.",
  ),
} as const;

/** Expected Jumpseller failures as values; anything else (a bug, an unexpected answer) is thrown. */
function jumpsellerFailure(error: unknown): ConnectFailure {
  const refused = failureOf("jumpseller", error);
  // Refused credentials here are the authorization code of this installation, not a store's lost access.
  if (refused?.code === "jumpseller_auth")
    return failure("code_refused", "Jumpseller refused the authorization. Start the installation again.");
  if (refused?.code === "jumpseller_unavailable") return failure(refused.code, describeServiceFailure(refused));
  throw error;
}

export async function completeJumpsellerInstall(input: {
  user: SessionUser;
  code: string | null | undefined;
  state: string | null | undefined;
  now?: Date;
}): Promise<CompleteInstallResult> {
  const { user } = input;
  if (!can(user, "stores.settings")) return failure("forbidden", connectErrorMessages.forbidden);
  const checked = checkInstallState(input.state, user.id, input.now);
  if (!checked.ok) return stateFailures[checked.reason];
  if (!input.code) return failure("invalid", "Jumpseller sent no authorization code.");
  const app = oauthApp();
  if (!app) return notConfigured();

  let tokens: JumpsellerTokens;
  let info;
  const client = () =>
    createJumpsellerClient({
      auth: { kind: "oauth", getAccessToken: async () => tokens.accessToken },
      baseUrl: getEnv().JUMPSELLER_API_URL,
    });
  try {
    tokens = await exchangeCode({ ...app, code: input.code, redirectUri: oauthRedirectUri() });
    // The callback names no store: the token's own store tells which one was installed.
    info = await client().getStoreInfo();
  } catch (error) {
    return jumpsellerFailure(error);
  }
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(info.code))
    throw new Error(`Jumpseller answered with an unexpected store code "${info.code}"`);

  const saved = await db.$transaction(async (tx) => {
    const existing = await tx.store.findUnique({ where: { code: info.code }, select: { id: true } });
    const name = (info.name ?? info.code).trim().slice(0, 120) || info.code;
    // A store installed again (new tokens after an uninstall) keeps its settings, Vendus key and on/off state.
    const store = await tx.store.upsert({
      where: { code: info.code },
      create: {
        code: info.code,
        name,
        enabled: false,
        ...(info.currency ? { currency: info.currency } : {}),
        ...(info.timezone ? { timezone: info.timezone } : {}),
      },
      update: { name },
      select: { id: true, code: true, name: true },
    });
    await saveInstallCredentials(tx, store.id, {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.expiresAt,
      hooksToken: info.hooks_token,
    });
    if (!user.allStores) {
      await tx.storeAccess.upsert({
        where: { userId_storeId: { userId: user.id, storeId: store.id } },
        create: { userId: user.id, storeId: store.id },
        update: {},
      });
    }
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        storeId: store.id,
        action: "store.installed",
        targetType: "store",
        targetId: store.id,
        details: { code: store.code, isNew: !existing, scope: tokens.scope },
      },
    });
    return { ...store, isNew: !existing };
  });
  // Authorised again: jobs that waited for Jumpseller access resume.
  await resumeAfterReconnect(db, saved.id, "jumpseller_access");

  try {
    const webhooks = await ensureWebhooks({ id: saved.id }, { actorId: user.id, client: client() });
    return { storeId: saved.id, storeCode: saved.code, storeName: saved.name, isNew: saved.isNew, webhooks };
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return {
      ...failure(
        "hooks_failed",
        `Ponte was installed in ${saved.code}, but Jumpseller refused to register its webhooks: ${error.message}`,
      ),
      storeId: saved.id,
    };
  }
}
