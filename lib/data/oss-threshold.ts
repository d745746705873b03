// The OSS threshold tracker's figures: per visible store, the year's and the previous year's intra-EU
// distance sales to consumers (the DistanceSales rollup, kept by a trigger on Document: a few rows per store,
// whatever the number of orders), against EUR 10,000.
import { storeLabelSelect, visibleStoresByName, type SessionUser } from "@/lib/access";
import type { Db } from "@/lib/db";
import { needsOss, ossLevel, type OssLevel } from "@/lib/oss-threshold";

export interface OssThresholdRow {
  store: { id: string; name: string; code: string; oss: boolean };
  year: number;
  yearCents: number;
  previousYearCents: number;
  /** Per destination country this year, largest first. */
  countries: { country: string; netCents: number }[];
  level: OssLevel;
  /** Crossed (this year or last) while the store's OSS setting is off. */
  alert: boolean;
}

export async function listOssThreshold(db: Db, user: SessionUser, year: number): Promise<OssThresholdRow[]> {
  const stores = await db.store.findMany({
    ...visibleStoresByName(user),
    select: {
      ...storeLabelSelect,
      oss: true,
      distanceSales: {
        where: { year: { in: [year, year - 1] } },
        select: { year: true, country: true, netCents: true },
      },
    },
  });
  return stores.map(({ distanceSales, ...store }) => {
    const sum = (y: number) => distanceSales.filter((d) => d.year === y).reduce((n, d) => n + Number(d.netCents), 0);
    const yearCents = sum(year);
    const previousYearCents = sum(year - 1);
    return {
      store,
      year,
      yearCents,
      previousYearCents,
      countries: distanceSales
        .filter((d) => d.year === year && d.netCents !== 0n)
        .map((d) => ({ country: d.country, netCents: Number(d.netCents) }))
        .sort((a, b) => b.netCents - a.netCents),
      level: ossLevel(yearCents),
      alert: needsOss({ oss: store.oss, yearCents, previousYearCents }),
    };
  });
}
