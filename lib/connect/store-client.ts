// A Jumpseller client for a store already in the database, with whichever credentials it was connected with.
// OAuth tokens are refreshed shortly before they expire, and the new pair is saved before it is used,
// because Jumpseller invalidates the old refresh token at once.
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createJumpsellerClient, type JumpsellerClient } from "@/lib/jumpseller/client";
import { ensureFreshAccessToken, refreshTokens, type JumpsellerTokens } from "@/lib/jumpseller/oauth";
import { loadStoreSecrets, saveOAuthTokens } from "@/lib/stores";

export async function jumpsellerClientForStore(db: Db, storeId: string): Promise<JumpsellerClient> {
  const env = getEnv();
  const secrets = await loadStoreSecrets(db, storeId);
  const js = secrets.jumpseller;
  if (js.kind === "private") {
    return createJumpsellerClient({
      auth: { kind: "private", login: js.login, authtoken: js.authtoken },
      baseUrl: env.JUMPSELLER_API_URL,
    });
  }
  let tokens: JumpsellerTokens = { ...js, scope: null };
  return createJumpsellerClient({
    baseUrl: env.JUMPSELLER_API_URL,
    auth: {
      kind: "oauth",
      getAccessToken: async () => {
        const fresh = await ensureFreshAccessToken(tokens, {
          refresh: (refreshToken) => {
            if (!env.JUMPSELLER_CLIENT_ID || !env.JUMPSELLER_CLIENT_SECRET) {
              throw new Error("The store's Jumpseller access expired and JUMPSELLER_CLIENT_ID/SECRET are not set");
            }
            return refreshTokens({
              refreshToken,
              clientId: env.JUMPSELLER_CLIENT_ID,
              clientSecret: env.JUMPSELLER_CLIENT_SECRET,
              authUrl: env.JUMPSELLER_AUTH_URL,
            });
          },
        });
        if (fresh.refreshed) await saveOAuthTokens(db, storeId, fresh.tokens);
        tokens = fresh.tokens;
        return tokens.accessToken;
      },
    },
  });
}
