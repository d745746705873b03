// Ids of the rows Ponte's own SQL inserts (Prisma's models default to cuid). Time-ordered (UUID version 7: the
// creation millisecond first, then a counter and random bits), so that lists sorted by a coarse time and then
// by id keep the order the rows were made in: documents that share their issue time (Vendus gives the second,
// or only the day) are listed invoice before its credit note, as issued.
import { v7 } from "uuid";

export function newRowId(): string {
  return v7();
}
