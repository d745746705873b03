// The demo's embedded PostgreSQL: PGlite (in memory) served over the PostgreSQL wire protocol on a local
// port, so the web server, the demo script and the CLI connect to it like to any PostgreSQL.
//
// PGlite is one backend: one session, one transaction at a time. Connections therefore take turns, and a
// turn lasts from a connection's first message until the database is idle again: to the end of an extended
// query (Parse … Sync) or a simple query, and to the end of a transaction when one is open. Interleaving at
// the level of messages (what @electric-sql/pglite-socket does) lets one connection's Bind meet another's
// Parse ("bind message supplies 22 parameters, but prepared statement "" requires 3") or run inside
// another's transaction; taking turns never does.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrationsWith, loadMigrationList, pgliteExtensions } from "../../lib/migrate";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Hands the database to one connection at a time, in arrival order. */
class Turns {
  private holder: number | null = null;
  private queue: { id: number; grant: () => void }[] = [];

  acquire(id: number): Promise<void> {
    if (this.holder === id) return Promise.resolve();
    if (this.holder === null) {
      this.holder = id;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push({ id, grant: resolve }));
  }

  release(id: number): void {
    if (this.holder !== id) return;
    const next = this.queue.shift();
    this.holder = next?.id ?? null;
    next?.grant();
  }

  forget(id: number): void {
    this.queue = this.queue.filter((waiting) => waiting.id !== id);
    this.release(id);
  }
}

export interface EmbeddedDatabase {
  /** postgresql://… for DATABASE_URL. */
  url: string;
  pglite: PGlite;
  close(): Promise<void>;
}

/** Serves a PGlite database on 127.0.0.1; connections take turns (see above). */
export async function serveEmbeddedDatabase(
  pglite: PGlite,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  await pglite.waitReady;
  const turns = new Turns();
  const sockets = new Set<Socket>();
  let nextId = 1;

  const server: Server = createServer((socket) => {
    const id = nextId++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let holding = false;
    let closed = false;
    let chain = Promise.resolve();

    const run = async (message: Buffer, type: string | null) => {
      if (closed) return;
      if (!holding) {
        await turns.acquire(id);
        holding = true;
      }
      if (closed) return finish();
      const answer = await pglite.runExclusive(() => pglite.execProtocolRaw(new Uint8Array(message)));
      if (!closed && answer.length > 0) socket.write(answer);
      // A turn ends where a request cycle ends and no transaction is left open.
      const endsCycle = type === null || type === "S" || type === "Q";
      if (endsCycle && !pglite.isInTransaction()) {
        holding = false;
        turns.release(id);
      }
    };

    const finish = async () => {
      if (holding && pglite.isInTransaction()) await pglite.runExclusive(() => pglite.exec("ROLLBACK"));
      holding = false;
      turns.forget(id);
    };

    // Messages run one after the other; a failure ends the connection (its turn is given back on close).
    const enqueue = (message: Buffer, type: string | null) => {
      chain = chain.then(() => run(message, type)).catch(() => void socket.destroy());
    };

    const onData = (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (buffer.length < length) return;
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          started = true;
          enqueue(Buffer.from(message), null);
          continue;
        }
        // The messages of one request cycle (Parse, Bind, Describe, Execute… up to Sync) go to PGlite together.
        const batch: Buffer[] = [];
        let last: string | null = null;
        while (buffer.length >= 5 && buffer.length >= 1 + buffer.readInt32BE(1)) {
          const length = 1 + buffer.readInt32BE(1);
          const type = String.fromCharCode(buffer[0]!);
          if (type === "X") {
            if (batch.length > 0) enqueue(Buffer.concat(batch), last);
            socket.end();
            return;
          }
          batch.push(Buffer.from(buffer.subarray(0, length)));
          buffer = buffer.subarray(length);
          last = type;
          if (type === "S" || type === "Q") {
            enqueue(Buffer.concat(batch.splice(0)), type);
          }
        }
        if (batch.length > 0) enqueue(Buffer.concat(batch), last);
        return;
      }
    };

    socket.on("data", onData);
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      closed = true;
      sockets.delete(socket);
      chain = chain.then(finish, finish);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `postgresql://postgres@127.0.0.1:${boundPort}/postgres?sslmode=disable`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const modules = path.join(__dirname, "..", "..", "node_modules");
const cacheDir = path.join(modules, ".cache", "ponte");

/** Names the migrated database by what it is made of: the migrations and the PGlite version. */
async function snapshotPath(): Promise<string> {
  const hash = createHash("sha256");
  const list = await loadMigrationList();
  for (const dir of list.migrationDirectories) {
    const content = dir.migrationFile.content;
    hash.update(dir.path).update(content.tag === "ok" ? content.value : "");
  }
  const pglite = JSON.parse(await readFile(path.join(modules, "@electric-sql", "pglite", "package.json"), "utf8"));
  hash.update(String((pglite as { version: string }).version));
  return path.join(cacheDir, `demo-database-${hash.digest("hex").slice(0, 16)}.tar.gz`);
}

/**
 * A fresh in-memory database with every migration applied, served on a local port. Creating a database and
 * migrating it takes a while, so the migrated database is kept (node_modules/.cache/ponte) and the next
 * start loads a copy of it, until the migrations change.
 */
export async function startEmbeddedDatabase(port = 0): Promise<EmbeddedDatabase> {
  const snapshot = await snapshotPath();
  const saved = await readFile(snapshot).catch(() => null);
  let pglite: PGlite;
  if (saved) {
    pglite = new PGlite({ extensions: pgliteExtensions, loadDataDir: new Blob([saved]) });
  } else {
    pglite = new PGlite({ extensions: pgliteExtensions });
    await applyMigrationsWith(new PrismaPGlite(pglite));
    const dump = await pglite.dumpDataDir("gzip");
    await mkdir(cacheDir, { recursive: true });
    // Written aside, then renamed: a start running meanwhile never loads half a file.
    const partial = `${snapshot}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, snapshot);
  }
  const served = await serveEmbeddedDatabase(pglite, port);
  return {
    url: served.url,
    pglite,
    close: async () => {
      await served.close();
      await pglite.close();
    },
  };
}
