// The per-address sign-in limit keys on the address the connection really comes from. The e2e server trusts no
// proxy (PONTE_TRUSTED_PROXIES=0), so X-Forwarded-For is whatever the client claims and must be ignored. Each
// test connects from its own loopback address, so that locking it does not lock the other tests out.
import http from "node:http";
import { demoPassword, demoUsers } from "../scripts/demo/fixtures";
import { e2ePort } from "./env";
import { expect, test } from "./fixtures";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(from: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: e2ePort, path, method, headers, localAddress: from },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Sign-in attempts through next-auth's own endpoint, as the form makes them; each answers its error code. */
async function signInFrom(from: string) {
  const csrf = await send(from, "GET", "/api/auth/csrf", {});
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const csrfToken = JSON.parse(csrf.body).csrfToken as string;
  return async (email: string, password: string, headers: Record<string, string> = {}) => {
    const form = new URLSearchParams({ csrfToken, email, password, json: "true" });
    const answer = await send(
      from,
      "POST",
      "/api/auth/callback/credentials",
      { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
      form.toString(),
    );
    return new URL(JSON.parse(answer.body).url).searchParams.get("error");
  };
}

// Twenty failures lock an address. They are spread over accounts of this test (cheap to check: a low bcrypt
// cost), four each, below the per-account limit, so that only the address limit can be what locks.
async function twentyFailures(
  attempt: Awaited<ReturnType<typeof signInFrom>>,
  freshUser: (input: { role: "merchant"; storeCodes: string[] }) => Promise<{ email: string }>,
  headers: (i: number) => Record<string, string> = () => ({}),
) {
  const errors: (string | null)[] = [];
  for (let u = 0; u < 5; u++) {
    const user = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
    for (let i = 0; i < 4; i++) errors.push(await attempt(user.email, "wrong", headers(u * 4 + i)));
  }
  return errors;
}

test("a client that claims a new address on every try is still limited by its real address", async ({ freshUser }) => {
  const attempt = await signInFrom("127.0.0.21");
  const errors = await twentyFailures(attempt, freshUser, (i) => ({ "x-forwarded-for": `203.0.113.${i}` }));
  expect(errors.slice(0, 19)).toEqual(Array(19).fill("CredentialsSignin"));
  const next = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  expect(await attempt(next.email, "wrong", { "x-forwarded-for": "203.0.113.99" })).toMatch(/^locked:/);
});

test("a client without X-Forwarded-For is limited by its socket address", async ({ freshUser }) => {
  const attempt = await signInFrom("127.0.0.22");
  await twentyFailures(attempt, freshUser);
  const next = await freshUser({ role: "merchant", storeCodes: ["loja-do-mar"] });
  expect(await attempt(next.email, "wrong")).toMatch(/^locked:/);
});

test("claiming a victim's address does not lock the victim out", async ({ freshUser }) => {
  const attacker = await signInFrom("127.0.0.23");
  await twentyFailures(attacker, freshUser, () => ({ "x-forwarded-for": "127.0.0.24" }));
  const victim = await signInFrom("127.0.0.24");
  expect(await victim(demoUsers.merchant.email, demoPassword)).toBeNull();
});
