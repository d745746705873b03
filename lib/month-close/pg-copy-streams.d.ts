// pg-copy-streams ships no types of its own: the one function Ponte calls. `to(sql)` is a query for
// node-postgres's `client.query()` that yields the bytes of a `COPY … TO STDOUT` as they arrive.
declare module "pg-copy-streams" {
  import type { Readable } from "node:stream";
  import type { Connection, Submittable } from "pg";

  export class CopyToStreamQuery extends Readable implements Submittable {
    text: string;
    rowCount: number;
    submit(connection: Connection): void;
  }

  export function to(text: string): CopyToStreamQuery;
}
