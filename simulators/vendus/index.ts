export { DEFAULT_SIMULATOR_API_KEY, startVendusSimulator } from "./server";
export type { VendusSimulator, VendusSimulatorOptions } from "./server";
export type { FaultOptions, ReceivedRequest, SimDocumentView, VendusSimulatorControl } from "./control";
export type { SeedClient, SeedInput, SeedProduct, SeedResult } from "./seed";
export { demoSeed } from "./seed";
export type { Region } from "./reference-data";
