// /v1 endpoints Ponte uses, with the answers and error bodies of the live API: lists are arrays of wrapped
// items, 404 {"message"}, 400 {"errors":[...]}.
import { json, paginate, type Route, type SimResponse } from "./http-util";
import { customerJson, hookJson, jumpsellerTime, orderJson, productJson, storeJson, variantJson } from "./serialize";
import type { Clock, OrderStatus, SimOrder, StoreState } from "./state";

export type ApiRoute = Route & { scope: string };

// The simulator's own copy of Jumpseller's event names, from its documentation, kept apart from
// lib/jumpseller/constants.ts on purpose (see simulators/README.md): a misspelt event in Ponte then fails here.
export const hookEvents = [
  "order_updated",
  "order_pending_payment",
  "order_paid",
  "order_shipped",
  "order_canceled",
  "order_abandoned",
  "product_created",
  "product_updated",
  "product_deleted",
  "product_stock_updated",
  "customer_created",
  "customer_updated",
  "customer_deleted",
];
const orderStatuses: OrderStatus[] = ["abandoned", "canceled", "pending_payment", "paid"];

const notFound = (what: string) => json(404, { message: `${what} not found` });
const badRequest = (...errors: string[]) => json(400, { errors });
const record = (body: unknown) => (body && typeof body === "object" ? (body as Record<string, unknown>) : {});

export function createApiRoutes(state: StoreState, clock: Clock): ApiRoute[] {
  const orders = (filter: (o: SimOrder) => boolean = () => true) =>
    [...state.orders.values()].filter(filter).sort((a, b) => b.id - a.id);
  const wrapOrders = (list: SimOrder[], query: URLSearchParams) =>
    json(
      200,
      paginate(list, query).map((o) => ({ order: orderJson(state, o) })),
    );
  // dateFilter=customDate with initialDate/finalDate (YYYY-MM-DD, both days included). (A) The OpenAPI spec
  // does not say which date it filters on: here, the order's creation day in UTC.
  const createdBetween = (query: URLSearchParams) => {
    const from = query.get("initialDate");
    const to = query.get("finalDate");
    if (query.get("dateFilter") !== "customDate" || !from || !to) return () => true;
    return (o: SimOrder) => {
      const day = o.createdAt.toISOString().slice(0, 10);
      return day >= from && day <= to;
    };
  };
  const withOrder = (id: string | undefined, then: (order: SimOrder) => SimResponse) => {
    const order = state.orders.get(Number(id));
    return order ? then(order) : notFound("Order");
  };

  function hookInput(body: unknown): { event: string; url: string } | SimResponse {
    const hook = record(record(body).hook);
    const errors: string[] = [];
    if (typeof hook.event !== "string" || !hookEvents.includes(hook.event))
      errors.push("Event is not included in the list");
    if (typeof hook.url !== "string" || !/^https?:\/\/\S+$/.test(hook.url)) errors.push("Url is invalid");
    return errors.length ? badRequest(...errors) : { event: hook.event as string, url: hook.url as string };
  }

  return [
    {
      method: "GET",
      pattern: /^\/store\/info\.json$/,
      scope: "read_store",
      handle: () => json(200, state.profile.infoShape === "flat" ? storeJson(state) : { store: storeJson(state) }),
    },

    {
      method: "GET",
      pattern: /^\/orders\.json$/,
      scope: "read_orders",
      handle: ({ query }) => wrapOrders(orders(createdBetween(query)), query),
    },
    {
      method: "GET",
      pattern: /^\/orders\/count\.json$/,
      scope: "read_orders",
      handle: () => json(200, { count: state.orders.size }),
    },
    {
      method: "GET",
      pattern: /^\/orders\/status\/([a-z_]+)\.json$/,
      scope: "read_orders",
      handle: ({ params, query }) => {
        const status = params[0] as OrderStatus;
        if (!orderStatuses.includes(status)) return json(404, { message: "Status Invalid" });
        return wrapOrders(
          orders((o) => o.status === status),
          query,
        );
      },
    },
    {
      method: "GET",
      pattern: /^\/orders\/after\/(\d+)\.json$/,
      scope: "read_orders",
      handle: ({ params, query }) => wrapOrders(orders((o) => o.id > Number(params[0])).reverse(), query),
    },
    {
      method: "GET",
      pattern: /^\/orders\/(\d+)\.json$/,
      scope: "read_orders",
      handle: ({ params }) => withOrder(params[0], (o) => json(200, { order: orderJson(state, o) })),
    },
    {
      method: "GET",
      pattern: /^\/orders\/(\d+)\/documents\.json$/,
      scope: "read_orders",
      handle: ({ params }) =>
        withOrder(params[0], (o) =>
          json(
            200,
            (state.documents.get(o.id) ?? []).map((d) => ({ document: d })),
          ),
        ),
    },
    {
      method: "POST",
      pattern: /^\/orders\/(\d+)\/documents\.json$/,
      scope: "write_orders",
      handle: ({ params, body }) =>
        withOrder(params[0], (order) => {
          const doc = record(record(body).document);
          const type = Number(doc.document_type);
          const errors: string[] = [];
          if (doc.document_type === undefined || doc.document_type === null || (type !== 0 && type !== 1))
            errors.push("Document type is invalid");
          if (typeof doc.url !== "string" || !doc.url) errors.push("Url can't be blank");
          const list = state.documents.get(order.id) ?? [];
          if (doc.public_id && list.some((d) => d.public_id === String(doc.public_id)))
            errors.push("Public has already been taken");
          if (errors.length) return json(422, { errors });
          const created = {
            id: state.nextId("document"),
            document_type: type as 0 | 1,
            external_id: doc.external_id == null ? null : String(doc.external_id),
            public_id: doc.public_id == null ? null : String(doc.public_id),
            url: String(doc.url),
            order_id: order.id,
            created_at: jumpsellerTime(clock.now()),
          };
          state.documents.set(order.id, [...list, created]);
          return json(200, { document: created });
        }),
    },
    {
      method: "GET",
      pattern: /^\/orders\/(\d+)\/history\.json$/,
      scope: "read_orders",
      handle: ({ params }) =>
        withOrder(params[0], (o) =>
          json(
            200,
            (state.history.get(o.id) ?? []).map((h) => ({ order_history: h })),
          ),
        ),
    },
    {
      method: "POST",
      pattern: /^\/orders\/(\d+)\/history\.json$/,
      scope: "write_orders",
      handle: ({ params, body }) =>
        withOrder(params[0], (order) => {
          const message = record(record(body).order_history).message;
          if (typeof message !== "string" || !message.trim()) return badRequest("Message can't be blank");
          const entry = { id: state.nextId("history"), message, created_at: jumpsellerTime(clock.now()) };
          state.history.set(order.id, [...(state.history.get(order.id) ?? []), entry]);
          return json(200, { order_history: entry });
        }),
    },

    {
      method: "GET",
      pattern: /^\/products\.json$/,
      scope: "read_products",
      handle: ({ query }) =>
        json(
          200,
          paginate([...state.products.values()], query).map((p) => ({ product: productJson(p) })),
        ),
    },
    {
      method: "GET",
      pattern: /^\/products\/count\.json$/,
      scope: "read_products",
      handle: () => json(200, { count: state.products.size }),
    },
    {
      method: "GET",
      pattern: /^\/products\/after\/(\d+)\.json$/,
      scope: "read_products",
      handle: ({ params, query }) =>
        json(
          200,
          paginate(
            [...state.products.values()].filter((p) => p.id > Number(params[0])),
            query,
          ).map((p) => ({ product: productJson(p) })),
        ),
    },
    {
      method: "GET",
      pattern: /^\/products\/(\d+)\.json$/,
      scope: "read_products",
      handle: ({ params }) => {
        const product = state.products.get(Number(params[0]));
        return product ? json(200, { product: productJson(product) }) : notFound("Product");
      },
    },
    {
      method: "GET",
      pattern: /^\/products\/(\d+)\/variants\.json$/,
      scope: "read_products",
      handle: ({ params }) => {
        const product = state.products.get(Number(params[0]));
        return product
          ? json(
              200,
              product.variants.map((v) => ({ variant: variantJson(v) })),
            )
          : notFound("Product");
      },
    },

    {
      method: "GET",
      pattern: /^\/customers\.json$/,
      scope: "read_customers",
      handle: ({ query }) =>
        json(
          200,
          paginate([...state.customers.values()], query).map((c) => ({ customer: customerJson(c) })),
        ),
    },
    {
      method: "GET",
      pattern: /^\/customers\/(\d+)\.json$/,
      scope: "read_customers",
      handle: ({ params }) => {
        const customer = state.customers.get(Number(params[0]));
        return customer ? json(200, { customer: customerJson(customer) }) : notFound("Customer");
      },
    },

    {
      method: "GET",
      pattern: /^\/hooks\.json$/,
      scope: "read_hooks",
      handle: ({ query }) =>
        json(
          200,
          paginate([...state.hooks.values()], query).map((h) => ({ hook: hookJson(h) })),
        ),
    },
    {
      method: "POST",
      pattern: /^\/hooks\.json$/,
      scope: "write_hooks",
      handle: ({ body }) => {
        const input = hookInput(body);
        if ("status" in input) return input;
        const hook = { id: state.nextId("hook"), ...input, createdAt: clock.now(), paused: false };
        state.hooks.set(hook.id, hook);
        return json(200, { hook: hookJson(hook) });
      },
    },
    {
      method: "GET",
      pattern: /^\/hooks\/(\d+)\.json$/,
      scope: "read_hooks",
      handle: ({ params }) => {
        const hook = state.hooks.get(Number(params[0]));
        return hook ? json(200, { hook: hookJson(hook) }) : notFound("Hook");
      },
    },
    {
      method: "PUT",
      pattern: /^\/hooks\/(\d+)\.json$/,
      scope: "write_hooks",
      handle: ({ params, body }) => {
        const hook = state.hooks.get(Number(params[0]));
        if (!hook) return notFound("Hook");
        const input = hookInput(body);
        if ("status" in input) return input;
        Object.assign(hook, input, { paused: false });
        return json(200, { hook: hookJson(hook) });
      },
    },
    {
      method: "DELETE",
      pattern: /^\/hooks\/(\d+)\.json$/,
      scope: "write_hooks",
      handle: ({ params }) => (state.hooks.delete(Number(params[0])) ? json(200, "Hook deleted") : notFound("Hook")),
    },
  ];
}
