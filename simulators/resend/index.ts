// A local mailbox that answers like Resend's API, for the tests and the demo: records every POST /emails and
// answers `{ id }`, or an error body with a status; GET /emails lists what was sent (as Resend's list of sent
// e-mails, newest first), for tests in another process. Point the app at it with RESEND_BASE_URL.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { closeServer, listen, readBody, sendJson } from "../shared/http";

export interface RecordedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: IncomingHttpHeaders;
}

export interface ResendFake {
  url: string;
  emails(): RecordedEmail[];
  /** The next `count` sends answer `status` with a Resend-style error body. */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export async function startResendFake(options: { port?: number; host?: string } = {}): Promise<ResendFake> {
  const emails: RecordedEmail[] = [];
  const idempotent = new Map<string, string>();
  let failures = { count: 0, status: 500 };
  const error = (res: ServerResponse, statusCode: number, name: string, message: string) =>
    sendJson(res, statusCode, { name, message, statusCode });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    if (req.url !== "/emails" || (req.method !== "POST" && req.method !== "GET")) {
      return error(res, 404, "not_found", "Not found");
    }
    if (!req.headers.authorization?.startsWith("Bearer ")) {
      return error(res, 401, "missing_api_key", "Missing API key");
    }
    if (req.method === "GET") {
      const data = [...emails].reverse().map(({ headers: _headers, ...email }) => email);
      return sendJson(res, 200, { object: "list", has_more: false, data });
    }
    if (failures.count > 0) {
      failures.count -= 1;
      return error(res, failures.status, "application_error", "Simulated failure");
    }
    const key = req.headers["idempotency-key"];
    if (typeof key === "string" && idempotent.has(key)) return sendJson(res, 200, { id: idempotent.get(key) });
    const body = JSON.parse(raw) as Record<string, unknown>;
    const id = randomUUID();
    if (typeof key === "string") idempotent.set(key, id);
    emails.push({
      id,
      from: String(body.from ?? ""),
      to: [body.to ?? []].flat().map(String),
      subject: String(body.subject ?? ""),
      html: String(body.html ?? ""),
      text: String(body.text ?? ""),
      headers: req.headers,
    });
    sendJson(res, 200, { id });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((cause: unknown) => error(res, 500, "application_error", String(cause)));
  });
  const port = await listen(server, options.port ?? 0, options.host);

  return {
    url: `http://127.0.0.1:${port}`,
    emails: () => emails.map((e) => ({ ...e })),
    failNext(count, status = 500) {
      failures = { count, status };
    },
    close: () => closeServer(server),
  };
}
