// One address in front of several simulators: each request goes to the simulator whose credentials it
// carries (the HTTP Basic user), so one API base URL serves many shops or Vendus accounts, as the real
// services do. Used by tests and benchmarks that run more than one store.
import { createServer, request as httpRequest, type Server } from "node:http";
import { closeServer, listen } from "./http";

export interface BasicAuthRouter {
  /** http://127.0.0.1:<port> (no path: append the simulators' own base path). */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** `targets`: Basic user → the base URL of the simulator answering for it. An unknown user gets 401. */
export async function startBasicAuthRouter(targets: Map<string, string>): Promise<BasicAuthRouter> {
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? "";
    const user = auth.startsWith("Basic ") ? Buffer.from(auth.slice(6), "base64").toString().split(":")[0]! : "";
    const target = targets.get(user);
    if (!target) return void res.writeHead(401).end('{"errors":[{"code":"A001","message":"Unauthorized"}]}');
    const { hostname, port } = new URL(target);
    const forward = httpRequest({ hostname, port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  const port = await listen(server, 0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => closeServer(server),
  };
}
