// A local stand-in for Resend's API, for tests: records every POST /emails and answers like Resend
// (`{ id }`, or an error body with a status). Point the app at it with RESEND_BASE_URL.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

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

export async function startResendFake(): Promise<ResendFake> {
  const emails: RecordedEmail[] = [];
  const idempotent = new Map<string, string>();
  let failures = { count: 0, status: 500 };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const reply = (status: number, body: unknown) =>
        res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
      if (req.method !== "POST" || req.url !== "/emails") return reply(404, { name: "not_found", message: "Not found", statusCode: 404 });
      if (!req.headers.authorization?.startsWith("Bearer ")) {
        return reply(401, { name: "missing_api_key", message: "Missing API key", statusCode: 401 });
      }
      if (failures.count > 0) {
        failures.count -= 1;
        return reply(failures.status, { name: "application_error", message: "Simulated failure", statusCode: failures.status });
      }
      const key = req.headers["idempotency-key"];
      if (typeof key === "string" && idempotent.has(key)) return reply(200, { id: idempotent.get(key) });
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
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
      reply(200, { id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    emails: () => emails.map((e) => ({ ...e })),
    failNext(count, status = 500) {
      failures = { count, status };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
