// Sign-in (next-auth v4, e-mail + password, JWT sessions) and the helpers every page, action and route
// handler uses to learn who is asking. The JWT only carries the user id and session version: role, store
// access, the active flag and the version are re-read from the database on each request, so a change by an
// admin applies at once and an ended session (lib/sessions.ts) is refused at its next request.
import { randomBytes } from "node:crypto";
import { cache } from "react";
import type { AuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import { getServerSession } from "next-auth/next";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sessionUserSelect, type SessionUser } from "@/lib/access";
import { clientAddress } from "@/lib/client-address";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { endSessionsOf, sessionIsLive, type SessionClaims } from "@/lib/sessions";
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from "@/lib/sign-in-throttle";
import { hashPassword, verifyPassword } from "@/lib/users";

export type { SessionUser } from "@/lib/access";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

// Compared against when the e-mail is unknown, so that a wrong address takes as long as a wrong password:
// made once per process at the configured cost, the cost of the users' own hashes.
let unknownUserHash: Promise<string> | undefined;

/** The error code the sign-in form turns into "too many attempts, try again at HH:MM". */
export function lockedError(until: Date): Error {
  return new Error(`locked:${until.toISOString()}`);
}

export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<{ id: string; name: string; email: string; sessionVersion: number } | null> {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, clientAddress(headers, getEnv().PONTE_TRUSTED_PROXIES));
  const locked = await lockedUntil(db, keys);
  if (locked) throw lockedError(locked);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordOk = await verifyPassword(
    password,
    user?.passwordHash ?? (await (unknownUserHash ??= hashPassword(randomBytes(18).toString("base64")))),
  );
  // An inactive account fails exactly like a wrong password: the form does not reveal which accounts exist.
  if (!user || !user.active || !passwordOk) {
    const lock = await recordFailure(db, keys);
    if (lock) throw lockedError(lock);
    return null;
  }
  await clearFailures(db, email);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

const sessionMaxAge = 7 * 24 * 60 * 60;

let options: AuthOptions | undefined;

/** Built on first use, so that importing this module never reads the configuration (e.g. during build). */
export function authOptions(): AuthOptions {
  options ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionMaxAge },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, req.headers),
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) =>
        user ? { sub: user.id, sv: (user as { sessionVersion?: number }).sessionVersion ?? 0 } : token,
      session: ({ session, token }) => ({ expires: session.expires, userId: token.sub, sessionVersion: token.sv }),
    },
    events: {
      // The token signing out is dead from now on, and with it every other session of the user.
      signOut: async ({ token }) => {
        await endSessionsOf(db, token as SessionClaims | null);
      },
    },
  };
  return options;
}

const userSelect = {
  ...sessionUserSelect,
  active: true,
  sessionVersion: true,
} as const;

/** The user a session token names, if the session is still live and the user active; else null. */
export async function sessionUserFor(claims: SessionClaims): Promise<SessionUser | null> {
  if (typeof claims.sub !== "string") return null;
  const user = await db.user.findUnique({ where: { id: claims.sub }, select: userSelect });
  if (!user?.active || !sessionIsLive(claims, user)) return null;
  const { active: _active, sessionVersion: _sessionVersion, ...sessionUser } = user;
  return sessionUser;
}

/** The signed-in, active user, read from the database; null when signed out, deactivated or session ended. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  return sessionUserFor({ sub: session.userId, sv: session.sessionVersion });
});

/**
 * Gives this browser a new session token at the user's current session version: after a password change
 * ended every session, the browser that made the change stays signed in. For server actions only.
 */
export async function renewSession(userId: string, sessionVersion: number): Promise<void> {
  const env = getEnv();
  const secure = env.NEXTAUTH_URL.startsWith("https://");
  const value = await encode({
    token: { sub: userId, sv: sessionVersion },
    secret: env.NEXTAUTH_SECRET,
    maxAge: sessionMaxAge,
  });
  // The cookie next-auth itself would set (its name has the __Secure- prefix over HTTPS).
  (await cookies()).set(`${secure ? "__Secure-" : ""}next-auth.session-token`, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: sessionMaxAge,
  });
}

/** For pages and layouts: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For route handlers: the user, or a ready 401 response. */
export async function userOrUnauthorized(): Promise<{ user: SessionUser } | { response: Response }> {
  const user = await getSessionUser();
  return user ? { user } : { response: Response.json({ error: "unauthenticated" }, { status: 401 }) };
}
