// The background half of the SAF-T ZIP for the e2e run, where no Inngest app is registered (so nothing runs by
// itself): does what inngest/functions/export-saft-for-bundle.ts does for each store of a bundle, with the same
// library calls, against the e2e database and Vendus simulator. Run with tsx (Playwright's loader cannot load
// the generated Prisma client): npx tsx e2e/support/run-saft-bundle.ts <bundleId>
import { createDb } from "../../lib/db";
import { assembleBundleIfComplete, exportBundleFile } from "../../lib/saft/bundle";

async function main() {
  const bundleId = process.argv[2];
  if (!bundleId) throw new Error("Usage: run-saft-bundle.ts <bundleId>");
  const db = createDb(process.env.DATABASE_URL, 2);
  const bundle = await db.saftBundle.findUniqueOrThrow({ where: { id: bundleId }, include: { files: true } });
  const done = new Set(bundle.files.map((f) => f.storeId));
  for (const storeId of bundle.storeIds.filter((id) => !done.has(id))) await exportBundleFile(db, bundleId, storeId);
  console.log(JSON.stringify({ assembled: await assembleBundleIfComplete(db, bundleId) }));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
