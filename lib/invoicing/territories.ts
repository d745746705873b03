// The EU's VAT map, which is not the map of EU countries. Sources: VAT Directive 2006/112/EC art. 5 (the
// territory of the Community), art. 6 (territories of member states outside it), art. 7 (places treated as
// part of a member state); CIVA art. 1.º (the same lists, for Portuguese law); Protocol on Ireland/Northern
// Ireland (Windsor Framework) art. 8: EU VAT rules on goods apply in Northern Ireland (VAT prefix XI).
//
// ISO 3166-1 gives most of these places a code of their own (GP, RE, AX, GL, FO, MC, IM, JE, GG…), and a
// country code outside EU_MEMBER_STATES is simply a third country. But shops let customers pick "France" and
// type a Réunion postcode, so for the countries below the postcode (or the region) decides.

export type VatPlace =
  /** Goods delivered in a member state's VAT territory: `state` is its VAT code (XI for Northern Ireland). */
  | { kind: "eu"; state: string; territory?: string }
  /** Outside the EU VAT area: an export. */
  | { kind: "third"; country: string; territory?: string };

export interface SpecialTerritory {
  name: string;
  /** The ISO country code shops use for addresses there, besides the territory's own codes. */
  country: string;
  /** The territory's own ISO 3166-1 codes (or exceptionally reserved ones: IC, EA), if any. */
  codes?: string[];
  /** Inclusive ranges of numeric postcodes (for GB: postcode areas, the letters before the first digit). */
  postcodes?: [number, number][];
  areas?: string[];
  /** Region names as customers type them (lower case, without accents). */
  regions?: string[];
  /** `null`: outside the EU VAT area; otherwise the member state whose VAT applies. */
  vatState: string | null;
  source: string;
}

export const SPECIAL_TERRITORIES: SpecialTerritory[] = [
  {
    name: "Canary Islands",
    country: "ES",
    codes: ["IC"],
    postcodes: [
      [35000, 35999],
      [38000, 38999],
    ],
    regions: ["canarias", "islas canarias", "canary islands", "las palmas", "santa cruz de tenerife"],
    vatState: null,
    source: "Directive art. 6(1)(b)",
  },
  {
    name: "Ceuta",
    country: "ES",
    codes: ["EA"],
    postcodes: [[51000, 51999]],
    regions: ["ceuta"],
    vatState: null,
    source: "Directive art. 6(2)(c)",
  },
  {
    name: "Melilla",
    country: "ES",
    codes: ["EA"],
    postcodes: [[52000, 52999]],
    regions: ["melilla"],
    vatState: null,
    source: "Directive art. 6(2)(d)",
  },
  {
    name: "French overseas departments and Saint-Martin (and the overseas collectivities)",
    country: "FR",
    codes: ["GP", "MQ", "GF", "RE", "YT", "MF", "BL", "PM", "WF", "PF", "NC", "TF"],
    // 971 Guadeloupe (97150 Saint-Martin, 97133 Saint-Barthélemy), 972 Martinique, 973 Guyane, 974 Réunion,
    // 975 Saint-Pierre-et-Miquelon, 976 Mayotte, 984-988 the Pacific and southern territories: all outside.
    postcodes: [
      [97000, 97999],
      [98400, 98899],
    ],
    regions: [
      "guadeloupe",
      "martinique",
      "guyane",
      "french guiana",
      "la reunion",
      "reunion",
      "mayotte",
      "saint-martin",
      "saint-barthelemy",
      "saint-pierre-et-miquelon",
      "nouvelle-caledonie",
      "polynesie francaise",
      "wallis-et-futuna",
    ],
    vatState: null,
    source:
      "Directive art. 6(1)(c) (territories of TFEU arts. 349 and 355(1)); the overseas collectivities are not in the EU",
  },
  {
    name: "Monaco",
    country: "FR",
    codes: ["MC"],
    postcodes: [[98000, 98099]],
    regions: ["monaco"],
    vatState: "FR",
    source: "Directive art. 7(1): treated as France",
  },
  {
    name: "Åland Islands",
    country: "FI",
    codes: ["AX"],
    postcodes: [[22000, 22999]],
    regions: ["aland", "ahvenanmaa", "aland islands"],
    vatState: null,
    source: "Directive art. 6(1)(d)",
  },
  {
    name: "Mount Athos",
    country: "GR",
    postcodes: [[63086, 63087]],
    regions: ["agion oros", "mount athos", "agio oros", "αγιον ορος"],
    vatState: null,
    source: "Directive art. 6(1)(a)",
  },
  {
    name: "Heligoland",
    country: "DE",
    postcodes: [[27498, 27498]],
    regions: ["helgoland", "heligoland"],
    vatState: null,
    source: "Directive art. 6(2)(a)",
  },
  {
    name: "Büsingen am Hochrhein",
    country: "DE",
    postcodes: [[78266, 78266]],
    regions: ["busingen", "busingen am hochrhein"],
    vatState: null,
    source: "Directive art. 6(2)(b)",
  },
  {
    name: "Livigno",
    country: "IT",
    postcodes: [[23041, 23041]],
    regions: ["livigno"],
    vatState: null,
    source: "Directive art. 6(2)(e)",
  },
  {
    name: "Campione d'Italia",
    country: "IT",
    postcodes: [[22061, 22061]],
    regions: ["campione d'italia", "campione ditalia"],
    vatState: null,
    source: "Directive art. 6(1)(f)",
  },
  {
    name: "Greenland",
    country: "DK",
    codes: ["GL"],
    postcodes: [[3900, 3999]],
    regions: ["greenland", "gronland", "kalaallit nunaat"],
    vatState: null,
    source: "not part of the EU (TFEU art. 204 and Protocol 34)",
  },
  {
    name: "Faroe Islands",
    country: "DK",
    codes: ["FO"],
    postcodes: [[100, 999]],
    regions: ["faroe islands", "faeroerne", "foroyar"],
    vatState: null,
    source: "not part of the EU (TFEU art. 355(5)(a))",
  },
  {
    name: "Northern Ireland",
    country: "GB",
    codes: ["XI"],
    areas: ["BT"],
    regions: ["northern ireland"],
    vatState: "XI",
    source: "Windsor Framework art. 8: EU VAT rules for goods apply; VAT prefix XI",
  },
];

/**
 * Countries where a special territory hides behind the country code: the destination is only certain with a
 * postcode (or region) that says which part. `format` is the postcode shape; `rest` is where the rest goes.
 */
export const PARTIAL_COUNTRIES: Record<string, { format: RegExp; rest: VatPlace; name: string }> = {
  ES: { format: /^\d{5}$/, rest: { kind: "eu", state: "ES" }, name: "Spain" },
  FR: { format: /^\d{5}$/, rest: { kind: "eu", state: "FR" }, name: "France" },
  FI: { format: /^\d{5}$/, rest: { kind: "eu", state: "FI" }, name: "Finland" },
  GR: { format: /^\d{5}$/, rest: { kind: "eu", state: "GR" }, name: "Greece" },
  DE: { format: /^\d{5}$/, rest: { kind: "eu", state: "DE" }, name: "Germany" },
  IT: { format: /^\d{5}$/, rest: { kind: "eu", state: "IT" }, name: "Italy" },
  DK: { format: /^\d{3,4}$/, rest: { kind: "eu", state: "DK" }, name: "Denmark" },
  // The UK outside Northern Ireland is a third country since 2021. Postcode: area letters, district, sector.
  GB: {
    format: /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/,
    rest: { kind: "third", country: "GB" },
    name: "the United Kingdom",
  },
};

// Regions of the UK that say on their own which side of the line they are.
const GB_REGIONS: Record<string, VatPlace> = {
  england: { kind: "third", country: "GB" },
  scotland: { kind: "third", country: "GB" },
  wales: { kind: "third", country: "GB" },
};

/** The EU member states by ISO code (Greece is GR here; its VAT numbers use EL). */
export const EU_MEMBER_STATES = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;

export function isEuMemberState(country: string | null | undefined): boolean {
  return country != null && (EU_MEMBER_STATES as readonly string[]).includes(country);
}

export interface AddressInput {
  country: string;
  postal: string | null;
  region: string | null;
}

export type PlaceResult = { ok: true; place: VatPlace } | { ok: false; reason: string };

/** Where goods delivered to this address are, for VAT. Refuses what the address cannot settle. */
export function vatPlaceOf(address: AddressInput): PlaceResult {
  const country = address.country;
  const byCode = SPECIAL_TERRITORIES.find((t) => t.codes?.includes(country));
  if (byCode) return { ok: true, place: placeOf(byCode, country) };
  const partial = PARTIAL_COUNTRIES[country];
  if (!partial) {
    return { ok: true, place: isEuMemberState(country) ? { kind: "eu", state: country } : { kind: "third", country } };
  }
  const inCountry = SPECIAL_TERRITORIES.filter((t) => t.country === country);
  const region = comparable(address.region ?? "");
  const byRegion = region ? inCountry.find((t) => t.regions?.includes(region)) : undefined;
  const regionPlace = byRegion ? placeOf(byRegion, country) : country === "GB" ? GB_REGIONS[region] : undefined;

  const postal = (address.postal ?? "").toUpperCase().replace(/[\s-]/g, "");
  if (!postal) {
    if (regionPlace) return { ok: true, place: regionPlace };
    return {
      ok: false,
      reason:
        `the delivery address in ${partial.name} has no postcode, and ${partial.name} has places outside the EU ` +
        `VAT area (${inCountry.map((t) => t.name).join(", ")}), so Ponte cannot tell where the goods go`,
    };
  }
  if (!partial.format.test(postal)) {
    return {
      ok: false,
      reason: `the postcode "${address.postal}" is not a postcode of ${partial.name}, so Ponte cannot tell whether the goods go to ${inCountry.map((t) => t.name).join(", ")} or the rest of ${partial.name}`,
    };
  }
  const byPostal = inCountry.find((t) => matchesPostal(t, postal));
  const postalPlace = byPostal ? placeOf(byPostal, country) : partial.rest;
  if (regionPlace && !samePlace(regionPlace, postalPlace)) {
    return {
      ok: false,
      reason: `the postcode "${address.postal}" and the region "${address.region}" of the delivery address point to different VAT territories`,
    };
  }
  return { ok: true, place: postalPlace };
}

function placeOf(territory: SpecialTerritory, country: string): VatPlace {
  return territory.vatState === null
    ? { kind: "third", country, territory: territory.name }
    : { kind: "eu", state: territory.vatState, territory: territory.name };
}

function matchesPostal(territory: SpecialTerritory, postal: string): boolean {
  if (territory.areas) {
    const area = /^[A-Z]+/.exec(postal)?.[0] ?? "";
    return territory.areas.includes(area);
  }
  if (!/^\d+$/.test(postal)) return false;
  const value = Number(postal);
  // Lengths must match too: Denmark's "0800" is not the Faroe Islands' "800".
  return (territory.postcodes ?? []).some(
    ([from, to]) => value >= from && value <= to && postal.length === String(to).length,
  );
}

function samePlace(a: VatPlace, b: VatPlace): boolean {
  return a.kind === b.kind && (a.kind === "eu" ? a.state === (b as typeof a).state : true);
}

function comparable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();
}
