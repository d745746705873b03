import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFetch } from "./node-fetch";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (req.url === "/slow") return; // never answers
      if (req.url === "/empty") return res.writeHead(204).end();
      res.writeHead(req.method === "POST" ? 201 : 200, { "Content-Type": "application/json", "X-Seen": "a" });
      res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization ?? null, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("nodeFetch", () => {
  it("sends the method, headers and body, and answers status, headers and body as fetch does", async () => {
    const answer = await nodeFetch(`${base}/documents/`, {
      method: "POST",
      headers: { Authorization: "Basic a2V5Og==", "Content-Type": "application/json" },
      body: JSON.stringify({ a: 1 }),
    });
    expect(answer.status).toBe(201);
    expect(answer.ok).toBe(true);
    expect(answer.headers.get("x-seen")).toBe("a");
    expect(await answer.json()).toEqual({ method: "POST", auth: "Basic a2V5Og==", body: '{"a":1}' });
    const empty = await nodeFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
  });

  it("rejects with the signal's reason when it aborts, and as fetch does when nothing answers", async () => {
    await expect(nodeFetch(`${base}/slow`, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    await expect(nodeFetch("http://127.0.0.1:1/")).rejects.toMatchObject({
      name: "TypeError",
      message: "fetch failed",
      cause: { code: "ECONNREFUSED" },
    });
  });
});
