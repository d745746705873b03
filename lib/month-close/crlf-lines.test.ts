import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CrlfLines } from "./crlf-lines";

async function through(chunks: string[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c, "utf8"))).pipe(new CrlfLines())) {
    out.push(chunk as Buffer);
  }
  return Buffer.concat(out).toString("utf8");
}

// Two records as COPY writes them: the second holds a quoted cell with a line break and doubled quotes.
const copied = 'Loja 1,"Silva, ""Ana""\nfilha",-4.60\nLoja 2,"a\n""b""\nc",1.00\n';
const expected = 'Loja 1,"Silva, ""Ana""\nfilha",-4.60\r\nLoja 2,"a\n""b""\nc",1.00\r\n';

describe("CrlfLines", () => {
  it("ends every record with CRLF and keeps the line breaks inside quoted cells", async () => {
    expect(await through([copied])).toBe(expected);
  });

  it("gives the same bytes however the records are cut into chunks", async () => {
    for (let a = 1; a < copied.length; a++) {
      for (let b = a; b < copied.length; b += 7) {
        expect(await through([copied.slice(0, a), copied.slice(a, b), copied.slice(b)])).toBe(expected);
      }
    }
  });
});
