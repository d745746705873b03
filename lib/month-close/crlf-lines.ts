// RFC 4180 ends records with CRLF; PostgreSQL's COPY … CSV ends them with LF.
import { Transform, type TransformCallback } from "node:stream";

/**
 * COPY ends each row with LF; a line break inside a quoted cell is data. Turns every row's LF into CRLF,
 * keeping track of the quotes across chunks so that a customer name with a line break stays one cell.
 */
export class CrlfLines extends Transform {
  private quoted = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    const ends: number[] = [];
    let nextQuote = chunk.indexOf(34);
    for (let lf = chunk.indexOf(10); lf !== -1; lf = chunk.indexOf(10, lf + 1)) {
      while (nextQuote !== -1 && nextQuote < lf) {
        this.quoted = !this.quoted;
        nextQuote = chunk.indexOf(34, nextQuote + 1);
      }
      if (!this.quoted) ends.push(lf);
    }
    while (nextQuote !== -1) {
      this.quoted = !this.quoted;
      nextQuote = chunk.indexOf(34, nextQuote + 1);
    }
    if (ends.length === 0) return done(null, chunk);
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let written = 0;
    let start = 0;
    for (const lf of ends) {
      written += chunk.copy(out, written, start, lf);
      out[written++] = 13;
      out[written++] = 10;
      start = lf + 1;
    }
    chunk.copy(out, written, start);
    done(null, out);
  }
}
