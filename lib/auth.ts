// Sign-in (next-auth v4, e-mail + password, JWT sessions) and the helpers every page, action and route
// handler uses to learn who is asking. The JWT only carries the user id: role, store access and the
// active flag are re-read from the database on each request, so a change by an admin applies at once.
import { cache } from "react";
import type { AuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import CredentialsProvider from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { SessionUser } from "@/lib/access";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from "@/lib/sign-in-throttle";
import { verifyPassword } from "@/lib/users";

export type { SessionUser } from "@/lib/access";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

// Compared against when the e-mail is unknown, so that a wrong address takes as long as a wrong password.
const dummyHash = "$2b$12$Tq5cikfXFzGPBRw2LnRdzOVNzcBWLftpIlv5xQMLhac0iQ5LiBrea";

/** The error code the sign-in form turns into "too many attempts, try again at HH:MM". */
export function lockedError(until: Date): Error {
  return new Error(`locked:${until.toISOString()}`);
}

// Behind a reverse proxy the nearest hop appends the client address last; earlier entries are whatever the
// client claimed, so they are not trusted.
export function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const list = typeof forwarded === "string" ? forwarded.split(",").map((v) => v.trim()).filter(Boolean) : [];
  const realIp = headers?.["x-real-ip"];
  return list.at(-1) ?? (typeof realIp === "string" && realIp ? realIp : null);
}

export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<{ id: string; name: string; email: string } | null> {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, clientAddress(headers));
  const locked = await lockedUntil(db, keys);
  if (locked) throw lockedError(locked);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, active: true, passwordHash: true },
  });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? dummyHash);
  // An inactive account fails exactly like a wrong password: the form does not reveal which accounts exist.
  if (!user || !user.active || !passwordOk) {
    const lock = await recordFailure(db, keys);
    if (lock) throw lockedError(lock);
    return null;
  }
  await clearFailures(db, email);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, name: user.name, email: user.email };
}

let options: AuthOptions | undefined;

/** Built on first use, so that importing this module never reads the configuration (e.g. during build). */
export function authOptions(): AuthOptions {
  options ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, req.headers),
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => (user ? { sub: user.id } : token),
      session: ({ session, token }) => ({ expires: session.expires, userId: token.sub }),
    },
  };
  return options;
}

const userSelect = { id: true, email: true, name: true, role: true, allStores: true, locale: true, active: true } as const;

/** The signed-in, active user, read from the database; null when signed out or deactivated. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({ where: { id: session.userId }, select: userSelect });
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, allStores: user.allStores, locale: user.locale };
});

/** For pages and layouts: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor() {
    super("Not signed in");
    this.name = "UnauthenticatedError";
  }
}

/** For server actions and route handlers: the user, or an UnauthenticatedError (HTTP 401). */
export async function requireActionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

/** For route handlers: the user, or a ready 401 response. */
export async function userOrUnauthorized(): Promise<{ user: SessionUser } | { response: Response }> {
  const user = await getSessionUser();
  return user ? { user } : { response: Response.json({ error: "unauthenticated" }, { status: 401 }) };
}
