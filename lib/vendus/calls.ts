// The call shapes every resource uses: one object, a whole collection (all pages), a create, a change.
import { z } from "zod";
import type { Query, Transport } from "./http";

/** Vendus pages at 20 by default; ask for the maximum so that small collections take one call. */
const perPage = 1000;
const maxPages = 50;

/** One request, its answer read with schema. */
async function call<S extends z.ZodType>(
  t: Transport,
  method: Parameters<Transport["send"]>[0],
  path: string,
  schema: S,
  sent: { query?: Query; body?: unknown },
): Promise<z.output<S>> {
  const answer = await t.send(method, path, sent);
  return t.json(answer, schema, method, path);
}

export const getOne = <S extends z.ZodType>(t: Transport, path: string, schema: S, query?: Query) =>
  call(t, "GET", path, schema, { query });

/** Every item of a collection, following X-Paginator-Pages. An empty collection (404 A001) is []. */
export async function listAll<S extends z.ZodType>(
  t: Transport,
  path: string,
  schema: S,
  query: Query = {},
): Promise<z.output<S>[]> {
  const items: z.output<S>[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const answer = await t.sendList(path, { ...query, page, per_page: perPage });
    if (!answer) break;
    items.push(...t.json(answer, z.array(schema), "GET", path));
    const pages = Number(answer.headers.get("x-paginator-pages"));
    if (!Number.isFinite(pages) || page >= pages) break;
  }
  return items;
}

export const post = <S extends z.ZodType>(t: Transport, path: string, body: unknown, schema: S) =>
  call(t, "POST", path, schema, { body });

/** PATCH; resolves with the parsed answer, or null when Vendus answered without a body. */
export async function patch<S extends z.ZodType>(
  t: Transport,
  path: string,
  body: unknown,
  schema: S,
): Promise<z.output<S> | null> {
  const answer = await t.send("PATCH", path, { body });
  if (answer.bytes.length === 0) return null;
  return t.json(answer, schema, "PATCH", path);
}
