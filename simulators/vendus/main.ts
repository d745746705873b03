// `npm run sim:vendus`: the Vendus simulator on PORT (default 4510) with a seeded demo account.
// VENDUS_SIM_API_KEY sets the accepted keys (comma-separated); VENDUS_SIM_REGION the VAT region (PT, PT-MA, PT-AC).
import { DEFAULT_SIMULATOR_API_KEY, demoSeed, startVendusSimulator, type Region } from "./index";

async function main() {
  const port = Number(process.env.PORT ?? 4510);
  const region = (process.env.VENDUS_SIM_REGION ?? "PT") as Region;
  if (!["PT", "PT-MA", "PT-AC"].includes(region))
    throw new Error(`VENDUS_SIM_REGION must be PT, PT-MA or PT-AC, not ${region}`);
  const apiKeys = (process.env.VENDUS_SIM_API_KEY ?? DEFAULT_SIMULATOR_API_KEY)
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  const simulator = await startVendusSimulator({ port, region, apiKeys, host: process.env.HOST ?? "127.0.0.1" });
  simulator.control.seed(demoSeed);
  console.log(`Vendus simulator listening at ${simulator.url}`);
  console.log(`  API keys: ${apiKeys.join(", ")}   region: ${region}   registers: 101 (normal), 102 (tests)`);
  console.log(
    `  control: ${simulator.url.replace(/ws\/v1\.1\/$/, "__control/")}{requests,documents,seed,reset,faults}`,
  );
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
