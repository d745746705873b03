// Sessions end when they should: sign-out, a password change (except the browser that made it), a reset by
// link, deactivation (for good, even after a reactivation) and a role or access change. Users change their own
// password; "forgot password" e-mails a single-use, expiring link (through the Resend fake) and answers the
// same for any address; an admin sends a user a link. The session token is made and read by the app's own
// next-auth callbacks; only the next-auth and Next request plumbing is replaced.
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { peerHeader, trustPeerHeader } from "@/lib/client-address";
import { resetEnvCache } from "@/lib/env";
import { createUser } from "@/lib/users";
import { demoPassword, demoUsers } from "@/scripts/demo/fixtures";
import { startResendFake, type ResendFake } from "@/simulators/resend";
import { testSecrets } from "../test-env";
import { startDashboardWorld, type DashboardWorld } from "../dashboard/world";

// The token of the browser making the current request, and what the request sets or schedules.
let currentToken: JWT | null = null;
let requestAddress = "10.1.0.1";
const cookieJar = new Map<string, string>();
const afterAnswer: (() => unknown)[] = [];

vi.mock("next-auth/next", () => ({
  getServerSession: async (options: import("next-auth").AuthOptions) =>
    currentToken
      ? options.callbacks!.session!({
          session: { expires: "2099-01-01T00:00:00.000Z" },
          token: currentToken,
        } as never)
      : null,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string) => void cookieJar.set(name, value) }),
  headers: async () => new Headers({ [peerHeader]: requestAddress }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void afterAnswer.push(task) }));
vi.mock("next/navigation", () => ({
  redirect: (path: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { path });
  },
}));

const { authOptions, authorizeCredentials, getSessionUser } = await import("@/lib/auth");
const { changePassword } = await import("@/lib/actions/profile");
const { requestPasswordReset, resetPassword } = await import("@/lib/actions/password-reset");
const { sendPasswordResetLink, setUserActive, updateUserAccess } = await import("@/lib/actions/users");

let world: DashboardWorld;
let resend: ResendFake;

beforeAll(async () => {
  resend = await startResendFake();
  vi.stubEnv("RESEND_API_KEY", "re_test_key");
  vi.stubEnv("RESEND_BASE_URL", resend.url);
  world = await startDashboardWorld();
  resetEnvCache();
  trustPeerHeader();
});
afterAll(async () => {
  await world.close();
  await resend.close();
});
beforeEach(() => {
  currentToken = null;
  cookieJar.clear();
  afterAnswer.length = 0;
});

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

let counter = 0;
async function newUser(role: "merchant" | "accountant" = "merchant") {
  counter += 1;
  const password = `first-password-${counter}`;
  const user = await createUser(world.test.db, {
    email: `session-${counter}@example.pt`,
    name: `Session User ${counter}`,
    password,
    role,
    storeIds: [world.stores["loja-do-mar"]!],
    locale: counter % 2 ? "pt-PT" : "en",
  });
  return { ...user, password };
}

/** Signs in through the credentials check and the app's jwt callback: the token a browser would hold. */
async function signIn(email: string, password: string): Promise<JWT> {
  const user = await authorizeCredentials({ email, password }, { [peerHeader]: "10.2.0.1" });
  if (!user) throw new Error(`sign-in refused for ${email}`);
  return (await authOptions().callbacks!.jwt!({ token: {}, user } as never)) as JWT;
}

/** The user a browser holding this token is, for the app; null when its session has ended. */
async function whoIs(token: JWT): Promise<string | null> {
  const previous = currentToken;
  currentToken = token;
  try {
    return (await getSessionUser())?.email ?? null;
  } finally {
    currentToken = previous;
  }
}

async function as(token: JWT | null) {
  currentToken = token;
}

const signInAsAdmin = async () => as(await signIn(demoUsers.admin.email, demoPassword));

describe("sign-out", () => {
  it("ends the signed-out token and the user's other sessions; signing in again works", async () => {
    const user = await newUser();
    const laptop = await signIn(user.email, user.password);
    const phone = await signIn(user.email, user.password);
    expect(await whoIs(laptop)).toBe(user.email);
    expect(await whoIs(phone)).toBe(user.email);

    await authOptions().events!.signOut!({ token: laptop } as never);
    expect(await whoIs(laptop)).toBeNull();
    expect(await whoIs(phone)).toBeNull();

    const again = await signIn(user.email, user.password);
    expect(await whoIs(again)).toBe(user.email);
    // A token already ended cannot sign the user out of the session opened since.
    await authOptions().events!.signOut!({ token: laptop } as never);
    expect(await whoIs(again)).toBe(user.email);
  });

  it("a token from before session versions (no version in it) is signed out", async () => {
    const user = await newUser();
    expect(await whoIs({ sub: user.id } as JWT)).toBeNull();
  });
});

describe("changing one's own password", () => {
  it("keeps this browser signed in, ends the other sessions, and only the new password works", async () => {
    const user = await newUser();
    const laptop = await signIn(user.email, user.password);
    const phone = await signIn(user.email, user.password);
    await as(laptop);
    const answer = await changePassword(
      null,
      form({ currentPassword: user.password, password: "a-new-password-1", confirm: "a-new-password-1" }),
    );
    expect(answer).toEqual({ ok: true });

    expect(await whoIs(laptop)).toBeNull();
    expect(await whoIs(phone)).toBeNull();
    const renewed = cookieJar.get("next-auth.session-token");
    expect(renewed).toBeTruthy();
    const claims = await decode({ token: renewed!, secret: testSecrets.NEXTAUTH_SECRET });
    expect(await whoIs(claims!)).toBe(user.email);

    expect(await authorizeCredentials({ email: user.email, password: user.password }, {})).toBeNull();
    expect(await authorizeCredentials({ email: user.email, password: "a-new-password-1" }, {})).not.toBeNull();
    const audit = await world.test.db.auditEvent.findFirst({
      where: { action: "user.password_changed", targetId: user.id },
    });
    expect(audit?.actorId).toBe(user.id);
  });

  it("refuses a wrong current password, a short or mismatched new one, and a sixth try in 15 minutes", async () => {
    const user = await newUser();
    const laptop = await signIn(user.email, user.password);
    await as(laptop);
    expect(
      await changePassword(
        null,
        form({ currentPassword: "guess", password: "new-password-99", confirm: "new-password-99" }),
      ),
    ).toEqual({ error: "invalid", fields: { currentPassword: "wrong_password" } });
    expect(
      await changePassword(null, form({ currentPassword: user.password, password: "short", confirm: "short" })),
    ).toMatchObject({ error: "invalid", fields: { password: "password_too_short" } });
    expect(
      await changePassword(
        null,
        form({ currentPassword: user.password, password: "new-password-99", confirm: "new-password-98" }),
      ),
    ).toMatchObject({ error: "invalid", fields: { confirm: "passwords_differ" } });
    // Refused input is not a try of the password; four more wrong tries, then the limit.
    for (let i = 0; i < 4; i++) {
      await changePassword(
        null,
        form({ currentPassword: `guess-${i}`, password: "new-password-99", confirm: "new-password-99" }),
      );
    }
    expect(
      await changePassword(
        null,
        form({ currentPassword: user.password, password: "new-password-99", confirm: "new-password-99" }),
      ),
    ).toEqual({ error: "throttled" });
    expect(await whoIs(laptop)).toBe(user.email);
  });

  it("is refused signed out", async () => {
    expect(
      await changePassword(
        null,
        form({ currentPassword: "x", password: "new-password-99", confirm: "new-password-99" }),
      ),
    ).toEqual({ error: "unauthenticated" });
  });
});

describe("an admin's changes end the user's sessions", () => {
  it("deactivation ends them, and a reactivation does not bring them back", async () => {
    const user = await newUser();
    const session = await signIn(user.email, user.password);
    await signInAsAdmin();
    expect(await setUserActive(user.id, false)).toEqual({ ok: true });
    expect(await setUserActive(user.id, true)).toEqual({ ok: true });
    expect(await whoIs(session)).toBeNull();
    expect(await whoIs(await signIn(user.email, user.password))).toBe(user.email);
  });

  it("a role or store change ends them; saving the same access does not", async () => {
    const user = await newUser();
    const session = await signIn(user.email, user.password);
    await signInAsAdmin();
    const same = form({ role: "merchant", storeIds: [world.stores["loja-do-mar"]!] });
    expect(await updateUserAccess(user.id, null, same)).toEqual({ ok: true });
    expect(await whoIs(session)).toBe(user.email);

    const moreStores = form({
      role: "merchant",
      storeIds: [world.stores["loja-do-mar"]!, world.stores["casa-verde"]!],
    });
    expect(await updateUserAccess(user.id, null, moreStores)).toEqual({ ok: true });
    expect(await whoIs(session)).toBeNull();

    const second = await signIn(user.email, user.password);
    expect(await updateUserAccess(user.id, null, form({ role: "accountant", allStores: "on" }))).toEqual({ ok: true });
    expect(await whoIs(second)).toBeNull();
  });
});

/** The link in the last e-mail sent to this address. */
function lastLinkTo(email: string): string {
  const mail = resend
    .emails()
    .filter((m) => m.to.includes(email))
    .at(-1);
  if (!mail) throw new Error(`no e-mail to ${email}`);
  const link = /https?:\/\/\S+\/login\/reset\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no link in ${mail.text}`);
  return link;
}
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

async function runAfterAnswer() {
  for (const task of afterAnswer.splice(0)) await task();
}

async function resetWith(token: string, password: string) {
  try {
    return await resetPassword(null, form({ token, password, confirm: password }));
  } catch (error) {
    return { redirect: (error as { path?: string }).path };
  }
}

describe("forgot password", () => {
  it("answers the same for a known and an unknown address; only the known one gets a link", async () => {
    const user = await newUser();
    requestAddress = "10.3.0.1";
    const sentBefore = resend.emails().length;
    const known = await requestPasswordReset(null, form({ email: ` ${user.email.toUpperCase()} ` }));
    await runAfterAnswer();
    const unknown = await requestPasswordReset(null, form({ email: "nobody-here@example.pt" }));
    await runAfterAnswer();
    expect(known).toEqual({ ok: true });
    expect(unknown).toEqual(known);
    const sent = resend.emails().slice(sentBefore);
    expect(sent.map((m) => m.to)).toEqual([[user.email]]);
    // In the user's language.
    const locale = (await world.test.db.user.findUniqueOrThrow({ where: { id: user.id } })).locale;
    expect(sent[0]!.subject).toBe(
      locale === "en" ? "Ponte: set a new password" : "Ponte: definir uma nova palavra-passe",
    );
    expect(lastLinkTo(user.email)).toMatch(/^http:\/\/localhost:3000\/login\/reset\?token=[A-Za-z0-9_-]{43}$/);
  });

  it("a link works once, sets the password, ends every session and voids older links", async () => {
    const user = await newUser();
    const session = await signIn(user.email, user.password);
    requestAddress = "10.3.0.2";
    await requestPasswordReset(null, form({ email: user.email }));
    await runAfterAnswer();
    const older = tokenOf(lastLinkTo(user.email));
    await requestPasswordReset(null, form({ email: user.email }));
    await runAfterAnswer();
    const newest = tokenOf(lastLinkTo(user.email));
    expect(newest).not.toBe(older);

    expect(await resetWith(newest, "short")).toMatchObject({
      error: "invalid",
      fields: { password: "password_too_short" },
    });
    expect(await resetWith(newest, "reset-password-1")).toEqual({ redirect: "/login?reset=done" });
    expect(await whoIs(session)).toBeNull();
    expect(await authorizeCredentials({ email: user.email, password: user.password }, {})).toBeNull();
    expect(await authorizeCredentials({ email: user.email, password: "reset-password-1" }, {})).not.toBeNull();

    expect(await resetWith(newest, "reset-password-2")).toEqual({ error: "link_invalid" });
    expect(await resetWith(older, "reset-password-2")).toEqual({ error: "link_invalid" });
    expect(await resetWith("not-a-token", "reset-password-2")).toEqual({ error: "link_invalid" });
    expect(await authorizeCredentials({ email: user.email, password: "reset-password-1" }, {})).not.toBeNull();
  });

  it("an expired link, or one of a deactivated user, does not work", async () => {
    const user = await newUser();
    requestAddress = "10.3.0.3";
    await requestPasswordReset(null, form({ email: user.email }));
    await runAfterAnswer();
    const token = tokenOf(lastLinkTo(user.email));
    const row = await world.test.db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    // A self-service link lasts one hour.
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(59 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
    await world.test.db.passwordReset.update({
      where: { id: row.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resetWith(token, "reset-password-1")).toEqual({ error: "link_invalid" });

    await requestPasswordReset(null, form({ email: user.email }));
    await runAfterAnswer();
    const second = tokenOf(lastLinkTo(user.email));
    await world.test.db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await resetWith(second, "reset-password-1")).toEqual({ error: "link_invalid" });
    // A deactivated user asking again gets the same answer, and no e-mail.
    const before = resend.emails().length;
    expect(await requestPasswordReset(null, form({ email: user.email }))).toEqual({ ok: true });
    await runAfterAnswer();
    expect(resend.emails().length).toBe(before);
  });

  it("is throttled: three e-mails per address per hour (then silently none), ten requests per client address", async () => {
    const user = await newUser();
    requestAddress = "10.3.0.4";
    const before = resend.emails().length;
    for (let i = 0; i < 5; i++) {
      expect(await requestPasswordReset(null, form({ email: user.email }))).toEqual({ ok: true });
      await runAfterAnswer();
    }
    expect(resend.emails().length - before).toBe(3);
    for (let i = 0; i < 5; i++) {
      expect(await requestPasswordReset(null, form({ email: `other-${i}@example.pt` }))).toEqual({ ok: true });
    }
    expect(await requestPasswordReset(null, form({ email: "one-more@example.pt" }))).toEqual({ error: "throttled" });
    requestAddress = "10.3.0.5";
    expect(await requestPasswordReset(null, form({ email: "one-more@example.pt" }))).toEqual({ ok: true });
  });

  it("refuses a malformed address as invalid", async () => {
    requestAddress = "10.3.0.6";
    expect(await requestPasswordReset(null, form({ email: "not an address" }))).toMatchObject({
      error: "invalid",
      fields: { email: "email_format" },
    });
  });
});

describe("an admin sends a reset link", () => {
  it("e-mails the user a link naming the admin, valid for three days, that sets the password", async () => {
    const user = await newUser();
    await signInAsAdmin();
    expect(await sendPasswordResetLink(user.id)).toEqual({ ok: true });
    const mail = resend
      .emails()
      .filter((m) => m.to.includes(user.email))
      .at(-1)!;
    expect(mail.text).toContain(demoUsers.admin.name);
    const row = await world.test.db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.requestedById).toBe(world.users.admin.id);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(71 * 3600_000);
    expect(await resetWith(tokenOf(lastLinkTo(user.email)), "admin-sent-password")).toEqual({
      redirect: "/login?reset=done",
    });
    expect(await authorizeCredentials({ email: user.email, password: "admin-sent-password" }, {})).not.toBeNull();
    expect(await world.test.db.auditEvent.count({ where: { action: "user.reset_link_sent", targetId: user.id } })).toBe(
      1,
    );
  });

  it("refuses a deactivated user, an unknown id, and a caller who is not an admin", async () => {
    const user = await newUser();
    await signInAsAdmin();
    await setUserActive(user.id, false);
    expect(await sendPasswordResetLink(user.id)).toEqual({ error: "user_inactive" });
    expect(await sendPasswordResetLink("no-such-user")).toEqual({ error: "not_found" });
    const accountant = await newUser("accountant");
    await as(await signIn(accountant.email, accountant.password));
    expect(await sendPasswordResetLink(user.id)).toEqual({ error: "forbidden" });
  });

  it("answers email_failed when Resend refuses", async () => {
    const user = await newUser();
    await signInAsAdmin();
    resend.failNext(1, 422);
    expect(await sendPasswordResetLink(user.id)).toEqual({ error: "email_failed" });
    expect(await world.test.db.auditEvent.count({ where: { action: "user.reset_link_sent", targetId: user.id } })).toBe(
      0,
    );
  });
});
