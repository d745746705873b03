// The demo's content: three shops, one user per role, and orders in every state the dashboard shows.
import type { DocumentType, InvoiceState, JobStatus, ErrorKind, Role } from "@/lib/generated/prisma/enums";

export const demoPassword = "ponte-demo-2026";

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  allStores: boolean;
  stores: string[];
  locale: "pt-PT" | "en";
}

export const demoUsers = {
  admin: {
    email: "admin@ponte.test",
    name: "Ana Administradora",
    role: "admin",
    allStores: true,
    stores: [],
    locale: "pt-PT",
  },
  accountant: {
    email: "contabilista@ponte.test",
    name: "Carla Contabilista",
    role: "accountant",
    allStores: false,
    stores: ["loja-do-mar", "casa-verde"],
    locale: "pt-PT",
  },
  merchant: {
    email: "lojista@ponte.test",
    name: "Miguel Marques",
    role: "merchant",
    allStores: false,
    stores: ["loja-do-mar"],
    locale: "pt-PT",
  },
} satisfies Record<string, DemoUser>;

export interface DemoStore {
  code: string;
  name: string;
  enabled: boolean;
  oss: boolean;
  documentType: DocumentType;
  testMode: boolean;
  vendusRegisterId: number | null;
  vendusPaymentMethodId: number | null;
  notificationEmails: string[];
}

export const demoStores: DemoStore[] = [
  {
    code: "loja-do-mar",
    name: "Loja do Mar",
    enabled: true,
    oss: false,
    documentType: "FR",
    testMode: false,
    vendusRegisterId: 1,
    vendusPaymentMethodId: 1,
    notificationEmails: ["geral@lojadomar.pt"],
  },
  {
    code: "casa-verde",
    name: "Casa Verde",
    enabled: true,
    oss: true,
    documentType: "FT",
    testMode: false,
    vendusRegisterId: 2,
    vendusPaymentMethodId: null,
    notificationEmails: [],
  },
  {
    code: "papelaria-lima",
    name: "Papelaria Lima",
    enabled: false,
    oss: false,
    documentType: "FR",
    testMode: true,
    vendusRegisterId: null,
    vendusPaymentMethodId: 1,
    notificationEmails: [],
  },
];

/** When an order was paid, relative to the seed's "now". */
export type PaidWhen = "hours_ago" | "near_deadline" | "overdue" | null;

export interface DemoOrder {
  jumpsellerId: number;
  customerName: string;
  customerEmail: string;
  nif: string | null;
  totalCents: number;
  invoiceState: InvoiceState;
  paid: PaidWhen;
  daysAgo: number;
  job?: {
    status: JobStatus;
    errorKind?: ErrorKind;
    errorCode?: string;
    errorParams?: Record<string, string | number>;
    errorMessage?: string;
  };
  items: { reference: string; title: string; qty: number; grossCents: number }[];
}

const people = [
  ["Joana Sousa", "joana.sousa@example.pt", "123456789"],
  ["Rui Almeida", "rui.almeida@example.pt", null],
  ["Inês Carvalho", "ines.c@example.pt", "501964843"],
  ["Pedro Nunes", "pedro.nunes@example.pt", null],
  ["Sofia Ribeiro", "sofia.r@example.pt", "245678901"],
  ["Tiago Costa", "tiago.costa@example.pt", null],
  ["Marta Pires", "marta.pires@example.pt", "999999990"],
] as const;

const catalogue = [
  ["SAB-001", "Sabonete de azeite", 450],
  ["VEL-010", "Vela de cera de abelha", 1290],
  ["CHA-204", "Chá de cidreira 50 g", 675],
  ["CAD-300", "Caderno linho A5", 1590],
  ["TOA-015", "Toalha de linho", 3200],
] as const;

function order(base: number, i: number, invoiceState: InvoiceState, paid: PaidWhen, job?: DemoOrder["job"]): DemoOrder {
  const person = people[i % people.length]!;
  const first = catalogue[i % catalogue.length]!;
  const second = catalogue[(i + 2) % catalogue.length]!;
  const items = [
    { reference: first[0], title: first[1], qty: 1 + (i % 3), grossCents: first[2] },
    { reference: second[0], title: second[1], qty: 1, grossCents: second[2] },
  ];
  return {
    jumpsellerId: base + i,
    customerName: person[0],
    customerEmail: person[1],
    nif: person[2],
    totalCents: items.reduce((sum, item) => sum + item.qty * item.grossCents, 0),
    invoiceState,
    paid,
    daysAgo: paid === "overdue" ? 12 : paid === "near_deadline" ? 6 : i % 4,
    job,
    items,
  };
}

// Stored as the pipeline stores them: a code and its values, with the original English text as the detail.
const vendusTimeout = {
  status: "failed",
  errorKind: "transient",
  errorCode: "vendus_unavailable",
  errorParams: { detail: "Vendus answered HTTP 503 to POST documents/", status: 503 },
  errorMessage: "Vendus answered HTTP 503 to POST documents/",
} as const;
const invalidNif = {
  status: "failed",
  errorKind: "refused",
  errorCode: "invalid_nif",
  errorParams: { nif: "999999990" },
  errorMessage:
    'The NIF "999999990" given by the customer is not a valid Portuguese NIF (9 digits with a check digit). ' +
    "Correct it on the order in Jumpseller, or allow invoicing such orders to Consumidor final.",
} as const;

export const demoOrders: Record<string, DemoOrder[]> = {
  "loja-do-mar": [
    order(1000, 1, "invoiced", "hours_ago", { status: "succeeded" }),
    order(1000, 2, "invoiced", "hours_ago", { status: "succeeded" }),
    order(1000, 3, "pending", "near_deadline", { status: "queued" }),
    order(1000, 4, "failed", "overdue", vendusTimeout),
    order(1000, 5, "not_paid", null),
    order(1000, 6, "invoiced", "hours_ago", { status: "succeeded" }),
    order(1000, 7, "credit_note_suggested", "hours_ago", { status: "succeeded" }),
  ],
  "casa-verde": [
    order(2000, 1, "invoiced", "hours_ago", { status: "succeeded" }),
    order(2000, 6, "failed", "near_deadline", invalidNif),
    order(2000, 3, "pending", "hours_ago", { status: "running" }),
    order(2000, 4, "invoiced", "hours_ago", { status: "succeeded" }),
  ],
  "papelaria-lima": [order(3000, 1, "pending", "hours_ago"), order(3000, 2, "not_paid", null)],
};
