// Jumpseller API v1 client: the calls Ponte makes, each validated at the boundary.
import { z } from "zod";
import { getEnv } from "@/lib/env";
import type { JumpsellerWebhookEvent } from "./constants";
import { createTransport, type JumpsellerAuth } from "./http";
import {
  countSchema,
  hookSchema,
  orderDocumentSchema,
  orderListSchema,
  productSchema,
  storeInfoSchema,
  variantSchema,
  wrappedCustomerSchema,
  wrappedHookSchema,
  wrappedOrderDocumentSchema,
  wrappedOrderHistorySchema,
  wrappedOrderSchema,
  wrappedProductSchema,
  type JumpsellerOrder,
  type OrderStatus,
} from "./schemas";

export type { JumpsellerAuth } from "./http";

export interface JumpsellerClientOptions {
  auth: JumpsellerAuth;
  /** Defaults to JUMPSELLER_API_URL, then https://api.jumpseller.com/v1. */
  baseUrl?: string;
  /** Per attempt, including reading the body. Default 15 000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Pause before the single retry of a failed read. Default 250 ms. */
  retryDelayMs?: number;
  now?: () => Date;
}

export interface PageOptions {
  /** 1-based. */
  page?: number;
  /** At most 100 (Jumpseller's cap); default 50. */
  limit?: number;
}

export interface AttachDocumentInput {
  documentType: "invoice" | "credit_note";
  externalId: string;
  publicId: string;
  url: string;
}

const wrappedList = <T extends z.ZodType>(key: string, item: T) =>
  z
    .array(z.object({ [key]: item }))
    .transform((rows) => rows.map((row) => (row as Record<string, unknown>)[key] as z.output<T>));

// Live stores answer {"store": {...}}; the spec shows the object flat.
const storeInfoResponse = z
  .unknown()
  .transform((body) => {
    const store = body && typeof body === "object" ? (body as { store?: unknown }).store : undefined;
    return store ?? body;
  })
  .pipe(storeInfoSchema);

function pageQuery(options: PageOptions = {}) {
  const limit = options.limit === undefined ? undefined : Math.min(Math.max(1, Math.trunc(options.limit)), 100);
  const page = options.page === undefined ? undefined : Math.max(1, Math.trunc(options.page));
  return { page, limit };
}

const idPath = (id: number | string) => encodeURIComponent(String(id));

export function createJumpsellerClient(options: JumpsellerClientOptions) {
  const request = createTransport({
    auth: options.auth,
    baseUrl: options.baseUrl ?? getEnv().JUMPSELLER_API_URL,
    timeoutMs: options.timeoutMs ?? 15_000,
    fetch: options.fetch ?? globalThis.fetch,
    retryDelayMs: options.retryDelayMs ?? 250,
    now: options.now ?? (() => new Date()),
  });

  return {
    getStoreInfo: () => request({ method: "GET", path: "/store/info.json", schema: storeInfoResponse }),

    listHooks: (page?: PageOptions) =>
      request({ method: "GET", path: "/hooks.json", query: pageQuery(page), schema: wrappedList("hook", hookSchema) }),
    createHook: async (event: JumpsellerWebhookEvent, url: string) =>
      (
        await request({
          method: "POST",
          path: "/hooks.json",
          body: { hook: { event, url } },
          schema: wrappedHookSchema,
        })
      ).hook,
    deleteHook: async (hookId: number | string): Promise<void> => {
      await request({ method: "DELETE", path: `/hooks/${idPath(hookId)}.json` });
    },

    getOrder: async (orderId: number | string): Promise<JumpsellerOrder> =>
      (await request({ method: "GET", path: `/orders/${idPath(orderId)}.json`, schema: wrappedOrderSchema })).order,
    listOrdersByStatus: (status: OrderStatus, page?: PageOptions) =>
      request({
        method: "GET",
        path: `/orders/status/${status}.json`,
        query: pageQuery(page),
        schema: orderListSchema,
      }),
    /**
     * Orders created between two days (YYYY-MM-DD, both included), newest first, with the documented
     * dateFilter=customDate. Callers must still check each order's dates: the filter's exact meaning is not
     * documented.
     */
    listOrdersCreatedBetween: (initialDate: string, finalDate: string, page?: PageOptions) =>
      request({
        method: "GET",
        path: "/orders.json",
        query: { ...pageQuery(page), dateFilter: "customDate", initialDate, finalDate },
        schema: orderListSchema,
      }),
    /** Orders with a higher id, oldest first: the way to poll, as orders carry no updated_at. */
    listOrdersAfter: (orderId: number | string, page?: PageOptions) =>
      request({
        method: "GET",
        path: `/orders/after/${idPath(orderId)}.json`,
        query: pageQuery(page),
        schema: orderListSchema,
      }),
    countOrders: async () => (await request({ method: "GET", path: "/orders/count.json", schema: countSchema })).count,

    getProduct: async (productId: number | string) =>
      (await request({ method: "GET", path: `/products/${idPath(productId)}.json`, schema: wrappedProductSchema }))
        .product,
    listProducts: (page?: PageOptions) =>
      request({
        method: "GET",
        path: "/products.json",
        query: pageQuery(page),
        schema: wrappedList("product", productSchema),
      }),
    listProductsAfter: (productId: number | string, page?: PageOptions) =>
      request({
        method: "GET",
        path: `/products/after/${idPath(productId)}.json`,
        query: pageQuery(page),
        schema: wrappedList("product", productSchema),
      }),
    listVariants: (productId: number | string) =>
      request({
        method: "GET",
        path: `/products/${idPath(productId)}/variants.json`,
        schema: wrappedList("variant", variantSchema),
      }),

    getCustomer: async (customerId: number | string) =>
      (await request({ method: "GET", path: `/customers/${idPath(customerId)}.json`, schema: wrappedCustomerSchema }))
        .customer,

    /** Not idempotent: after a timeout, check listOrderDocuments before attaching again. */
    attachDocument: async (orderId: number | string, doc: AttachDocumentInput) =>
      (
        await request({
          method: "POST",
          path: `/orders/${idPath(orderId)}/documents.json`,
          body: {
            document: {
              document_type: doc.documentType === "invoice" ? 1 : 0,
              external_id: doc.externalId,
              public_id: doc.publicId,
              url: doc.url,
            },
          },
          schema: wrappedOrderDocumentSchema,
        })
      ).document,
    listOrderDocuments: (orderId: number | string) =>
      request({
        method: "GET",
        path: `/orders/${idPath(orderId)}/documents.json`,
        schema: wrappedList("document", orderDocumentSchema),
      }),
    addOrderHistory: async (orderId: number | string, message: string) =>
      (
        await request({
          method: "POST",
          path: `/orders/${idPath(orderId)}/history.json`,
          body: { order_history: { message } },
          schema: wrappedOrderHistorySchema,
        })
      ).order_history,
  };
}

export type JumpsellerClient = ReturnType<typeof createJumpsellerClient>;
