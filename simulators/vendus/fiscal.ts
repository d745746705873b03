// What a certified invoicing program adds to every document: its number in a series, the ATCUD, the chained
// hash and the AT QR code string (Portaria 195/2020). Values are simulated but keep the real formats.
import { createHash } from "node:crypto";
import { centsToDecimal } from "../../lib/money";
import type { TaxGroup } from "./amounts";
import { formatDecimal } from "./ratio";
import { rateOf, type TaxCode } from "./reference-data";
import type { DocType, Mode, SimDocument, SimRegister, SimState } from "./state";

export interface SeriesSlot {
  seriesKey: string;
  seq: number;
  number: string;
  atcud: string;
  previousHash: string;
}

/** One series per type, register, mode and year: "FT 01P2026/12", in test mode "FR T01P2026/3". */
export function nextInSeries(
  state: SimState,
  type: DocType,
  mode: Mode,
  register: SimRegister,
  date: string,
): SeriesSlot {
  const year = date.slice(0, 4);
  const prefix = `${mode === "tests" ? "T" : ""}${register.series}P${year}`;
  const seriesKey = `${type} ${prefix}`;
  const series = state.series.get(seriesKey) ?? {
    count: 0,
    lastHash: "",
    validationCode: validationCodeFor(seriesKey),
  };
  state.series.set(seriesKey, series);
  const seq = series.count + 1;
  return {
    seriesKey,
    seq,
    number: `${seriesKey}/${seq}`,
    atcud: `${series.validationCode}-${seq}`,
    previousHash: series.lastHash,
  };
}

/** Marks a slot as used, chaining its hash; called only once the document is stored. */
export function commitSeries(state: SimState, slot: SeriesSlot, hash: string) {
  const series = state.series.get(slot.seriesKey);
  if (series) {
    series.count = slot.seq;
    series.lastHash = hash;
  }
}

/** AT assigns an 8-character validation code per series when it is registered; derive a stable one. */
function validationCodeFor(seriesKey: string): string {
  const digest = createHash("sha256").update(seriesKey).digest();
  return Array.from(digest.subarray(0, 8), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
}

export function documentHash(
  doc: Pick<SimDocument, "date" | "systemTime" | "number" | "grossCents">,
  previousHash: string,
) {
  const message = `${doc.date};${doc.systemTime.replace(" ", "T")};${doc.number};${centsToDecimal(doc.grossCents)};${previousHash}`;
  return createHash("sha256").update(message).digest("base64");
}

const qrSlots: Record<Exclude<TaxCode, "ISE">, [string, string]> = {
  RED: ["I3", "I4"],
  INT: ["I5", "I6"],
  NOR: ["I7", "I8"],
};

/** The AT QR code payload: "A:<issuer NIF>*B:<client NIF or 999999990>*C:…*…*R:<certificate>". */
export function qrCodeData(state: SimState, doc: Omit<SimDocument, "qrcodeData">): string {
  const fields: [string, string][] = [
    ["A", state.account.fiscal_id],
    ["B", doc.client.fiscal_id.replace(/^PT/i, "") || "999999990"],
    ["C", doc.client.country || "PT"],
    ["D", doc.type],
    ["E", doc.status],
    ["F", doc.date.replaceAll("-", "")],
    ["G", doc.number],
    ["H", doc.atcud],
    ["I1", state.region],
  ];
  fields.push(...taxFields(state, doc.taxes));
  fields.push(
    ["N", centsToDecimal(doc.grossCents - doc.netCents)],
    ["O", centsToDecimal(doc.grossCents)],
    ["Q", [0, 10, 20, 30].map((i) => doc.hash[i] ?? "").join("")],
    ["R", "0000"],
  );
  return fields.map(([key, value]) => `${key}:${value}`).join("*");
}

/** The account region's groups go to I2…I8; other countries' VAT (OSS) is not part of that block. */
function taxFields(state: SimState, taxes: TaxGroup[]): [string, string][] {
  const fields: [string, string][] = [];
  const own = taxes.filter((t) => t.country === state.region);
  const exempt = own.find((t) => t.rate === formatDecimal(rateOf(state.region, "ISE")));
  if (exempt) fields.push(["I2", centsToDecimal(exempt.baseCents)]);
  for (const code of ["RED", "INT", "NOR"] as const) {
    const group = own.find((t) => t.rate === formatDecimal(rateOf(state.region, code)));
    if (!group) continue;
    const [baseKey, vatKey] = qrSlots[code];
    fields.push([baseKey, centsToDecimal(group.baseCents)], [vatKey, centsToDecimal(group.vatCents)]);
  }
  return fields;
}
