// GET /taxauthority/saft/: a small but well-formed SAF-T (PT) 1.04_01 AuditFile with the month's invoices and
// credit notes, base64-encoded in `{ "xml": … }` as the live API answers.
import { lisbonDay } from "../../lib/lisbon-time";
import { centsToDecimal } from "../../lib/money";
import { fieldError, ok, type Route } from "./protocol";
import { regionRates, taxTitles } from "./reference-data";
import { type SimDocument, type SimLine, type SimState } from "./state";

type Node = string | [string, ...Node[]];

const escapeXml = (value: string) =>
  value.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

function render(node: Node, indent = ""): string {
  if (typeof node === "string") return escapeXml(node);
  const [name, ...children] = node;
  if (children.length === 0) return `${indent}<${name}/>`;
  if (children.every((child) => typeof child === "string")) {
    return `${indent}<${name}>${children.map((c) => render(c)).join("")}</${name}>`;
  }
  const inner = children.map((child) => render(child, `${indent}  `)).join("\n");
  return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
}

const customerId = (doc: SimDocument) => (doc.client.fiscal_id ? `C${doc.client.id ?? doc.client.fiscal_id}` : "CF");

function customers(docs: SimDocument[]): Node[] {
  const seen = new Map<string, SimDocument["client"]>();
  for (const doc of docs) seen.set(customerId(doc), doc.client);
  return [...seen.entries()].map(([id, client]) => [
    "Customer",
    ["CustomerID", id],
    ["AccountID", "Desconhecido"],
    ["CustomerTaxID", client.fiscal_id || "999999990"],
    ["CompanyName", client.name || "Consumidor final"],
    [
      "BillingAddress",
      ["AddressDetail", client.address || "Desconhecido"],
      ["City", client.city || "Desconhecido"],
      ["PostalCode", client.postalcode || "Desconhecido"],
      ["Country", client.country || "PT"],
    ],
    ["SelfBillingIndicator", "0"],
  ]);
}

function line(doc: SimDocument, entry: SimLine, index: number): Node {
  const qty = String(entry.qtyMilli / 1000);
  const tax: Node = [
    "Tax",
    ["TaxType", "IVA"],
    ["TaxCountryRegion", entry.taxCountry],
    ["TaxCode", entry.taxId === "OUT" ? "NOR" : entry.taxId],
    ["TaxPercentage", entry.rate],
  ];
  return [
    "Line",
    ["LineNumber", String(index + 1)],
    ["ProductCode", entry.reference || String(entry.productId)],
    ["ProductDescription", entry.title],
    ["Quantity", qty],
    ["UnitOfMeasure", "Un"],
    ["UnitPrice", centsToDecimal(entry.amounts.netUnitCents)],
    ["TaxPointDate", doc.date],
    ...(entry.referenceDocument
      ? [["References", ["Reference", entry.referenceDocument.documentNumber], ["Reason", doc.notes]] as Node]
      : []),
    ["Description", entry.title],
    [doc.type === "NC" ? "DebitAmount" : "CreditAmount", centsToDecimal(entry.amounts.netTotalCents)],
    tax,
    ...(entry.exemption
      ? [["TaxExemptionReason", entry.exemptionLaw] as Node, ["TaxExemptionCode", entry.exemption] as Node]
      : []),
  ];
}

function invoice(doc: SimDocument): Node {
  return [
    "Invoice",
    ["InvoiceNo", doc.number],
    ["ATCUD", doc.atcud],
    [
      "DocumentStatus",
      ["InvoiceStatus", doc.status],
      ["InvoiceStatusDate", doc.systemTime.replace(" ", "T")],
      ["SourceID", "api"],
      ["SourceBilling", "P"],
    ],
    ["Hash", doc.hash],
    ["HashControl", "1"],
    ["Period", String(Number(doc.date.slice(5, 7)))],
    ["InvoiceDate", doc.date],
    ["InvoiceType", doc.type],
    [
      "SpecialRegimes",
      ["SelfBillingIndicator", "0"],
      ["CashVATSchemeIndicator", "0"],
      ["ThirdPartiesBillingIndicator", "0"],
    ],
    ["SourceID", "api"],
    ["SystemEntryDate", doc.systemTime.replace(" ", "T")],
    ["CustomerID", customerId(doc)],
    ...doc.lines.map((entry, index) => line(doc, entry, index)),
    [
      "DocumentTotals",
      ["TaxPayable", centsToDecimal(doc.grossCents - doc.netCents)],
      ["NetTotal", centsToDecimal(doc.netCents)],
      ["GrossTotal", centsToDecimal(doc.grossCents)],
    ],
  ];
}

export function buildSaft(state: SimState, year: number, month: number, mode: string): string {
  const period = `${year}-${String(month).padStart(2, "0")}`;
  const endDate = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const docs = state.documents.filter((d) => d.mode === mode && d.type !== "RG" && d.date.startsWith(period));
  const sum = (list: SimDocument[]) => centsToDecimal(list.reduce((total, d) => total + d.netCents, 0));
  const a = state.account;
  const file: Node = [
    "AuditFile",
    [
      "Header",
      ["AuditFileVersion", "1.04_01"],
      ["CompanyID", a.fiscal_id],
      ["TaxRegistrationNumber", a.fiscal_id],
      ["TaxAccountingBasis", "F"],
      ["CompanyName", a.company],
      [
        "CompanyAddress",
        ["AddressDetail", a.address],
        ["City", a.city],
        ["PostalCode", a.postal_code],
        ["Country", "PT"],
      ],
      ["FiscalYear", String(year)],
      ["StartDate", `${period}-01`],
      ["EndDate", endDate],
      ["CurrencyCode", "EUR"],
      ["DateCreated", lisbonDay(state.clock())],
      ["TaxEntity", "Global"],
      ["ProductCompanyTaxID", a.fiscal_id],
      ["SoftwareCertificateNumber", "0"],
      ["ProductID", "Vendus simulator/Ponte"],
      ["ProductVersion", "1.1"],
    ],
    [
      "MasterFiles",
      ...customers(docs),
      [
        "TaxTable",
        ...(["NOR", "INT", "RED", "ISE"] as const).map((code): Node => [
          "TaxTableEntry",
          ["TaxType", "IVA"],
          ["TaxCountryRegion", state.region],
          ["TaxCode", code],
          ["Description", taxTitles[code]],
          ["TaxPercentage", String(regionRates[state.region][code])],
        ]),
      ],
    ],
    [
      "SourceDocuments",
      [
        "SalesInvoices",
        ["NumberOfEntries", String(docs.length)],
        ["TotalDebit", sum(docs.filter((d) => d.type === "NC"))],
        ["TotalCredit", sum(docs.filter((d) => d.type !== "NC"))],
        ...docs.map(invoice),
      ],
    ],
  ];
  const xml = render(file).replace("<AuditFile>", '<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

export const saftRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/taxauthority\/saft\/$/,
    handler: (state, req) => {
      const year = Number(req.query.get("year"));
      const month = Number(req.query.get("month"));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw fieldError("O campo year é inválido.");
      if (!Number.isInteger(month) || month < 1 || month > 12) throw fieldError("O campo month é inválido.");
      const mode = req.query.get("mode") ?? "normal";
      return ok({ xml: Buffer.from(buildSaft(state, year, month, mode)).toString("base64") });
    },
  },
];
