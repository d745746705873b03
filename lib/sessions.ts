// Ending sessions. A session is a signed token (next-auth JWT) carrying the user id and the user's session
// version at sign-in. Every request re-reads the user and compares the version (lib/auth.ts), so raising it
// ends every session signed in before, at their next request: sign-out, a password change or reset,
// deactivation and a role or access change do. A password change then gives the browser that made it a new
// token, so only the user's other sessions end.
import type { Db } from "@/lib/db";

type Tx = Pick<Db, "user">;

/** The claims Ponte puts in a session token. */
export interface SessionClaims {
  sub?: unknown;
  sv?: unknown;
}

/** Ends every session of the user; returns the new version. */
export async function endSessions(db: Tx, userId: string): Promise<number> {
  const user = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}

/**
 * Sign-out: ends the user's sessions, if the token signing out is still a live one (a token already ended
 * cannot sign the user out of the sessions they opened since).
 */
export async function endSessionsOf(db: Tx, claims: SessionClaims | null | undefined): Promise<boolean> {
  if (typeof claims?.sub !== "string" || typeof claims.sv !== "number") return false;
  const { count } = await db.user.updateMany({
    where: { id: claims.sub, sessionVersion: claims.sv },
    data: { sessionVersion: { increment: 1 } },
  });
  return count > 0;
}

/** Whether a token's claims still name a live session of this user. */
export function sessionIsLive(claims: SessionClaims, user: { id: string; sessionVersion: number }): boolean {
  return claims.sub === user.id && claims.sv === user.sessionVersion;
}
