export { startJumpsellerSimulator, type JumpsellerSimulator, type JumpsellerSimulatorOptions } from "./server";
export type { JumpsellerSimulatorControl, RequestLogEntry } from "./control";
export type { CreateOrderInput, CreateOrderLineInput, UpdateOrderInput } from "./shop";
export type { CreateProductInput, UpdateProductInput, CreateCustomerInput } from "./catalog";
export type { DeliveryAttempt } from "./webhooks";
export type { OrderJson } from "./serialize";
export { ShopError } from "./catalog";
export { computeOrderTotals, type OrderTotals, type TotalsInput } from "./totals";
