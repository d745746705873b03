// Document answers: the POST result, list rows and the detail. `status` comes as "N" or as {id: "N"}.
import { z } from "zod";
import type { VendusDocumentDetail, VendusDocumentSummary, VendusIssuedDocument } from "./models";
import { centsSchema, decimalSchema, idSchema, nullableId, optionalCents, text } from "./schemas";

const statusSchema = z
  .union([z.string(), z.looseObject({ id: z.string() })])
  .nullish()
  .transform((s) => (s === undefined || s === null ? null : typeof s === "string" ? s : s.id));

const issuedShape = {
  id: idSchema,
  type: z.string(),
  number: z.string(),
  date: z.string(),
  system_time: text,
  amount_gross: centsSchema,
  amount_net: optionalCents,
  atcud: text,
  hash: text,
  qrcode_data: text,
};

function issued(d: z.output<z.ZodObject<typeof issuedShape>>): VendusIssuedDocument {
  return {
    id: d.id,
    type: d.type,
    number: d.number,
    date: d.date,
    systemTime: d.system_time,
    amountGrossCents: d.amount_gross,
    amountNetCents: d.amount_net,
    atcud: d.atcud,
    hash: d.hash,
    qrcodeData: d.qrcode_data,
  };
}

export const issuedDocumentSchema = z.looseObject(issuedShape).transform(issued);

export const documentSummarySchema = z
  .looseObject({
    id: idSchema,
    type: z.string(),
    number: z.string(),
    date: z.string(),
    status: statusSchema,
    external_reference: text,
    register_id: nullableId,
    amount_gross: optionalCents,
    amount_net: optionalCents,
  })
  .transform((d): VendusDocumentSummary => ({
    id: d.id,
    type: d.type,
    number: d.number,
    date: d.date,
    status: d.status,
    externalReference: d.external_reference,
    registerId: d.register_id,
    amountGrossCents: d.amount_gross,
    amountNetCents: d.amount_net,
  }));

const lineSchema = z.looseObject({
  id: nullableId,
  reference: text,
  title: text,
  qty: decimalSchema,
  qty_nc: decimalSchema.nullish(),
  amounts: z
    .looseObject({
      net_unit: optionalCents,
      net_total: optionalCents,
      gross_unit: optionalCents,
      gross_total: optionalCents,
    })
    .nullish(),
  tax: z.looseObject({ id: text, rate: decimalSchema.nullish(), exemption: text, exemption_law: text }).nullish(),
});

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

export const documentDetailSchema = z
  .looseObject({
    ...issuedShape,
    status: statusSchema,
    external_reference: text,
    register_id: nullableId,
    notes: text,
    client: z.looseObject({ id: nullableId, fiscal_id: text, name: text, country: text }).nullish(),
    items: list(lineSchema),
    taxes: list(
      z.looseObject({ rate: decimalSchema, base: optionalCents, amount: optionalCents, total: optionalCents }),
    ),
    payments: list(z.looseObject({ id: nullableId, title: text, amount: optionalCents })),
    related_docs: list(z.looseObject({ id: idSchema, type: text, number: text })),
  })
  .transform((d): VendusDocumentDetail => ({
    ...issued(d),
    status: d.status,
    externalReference: d.external_reference,
    registerId: d.register_id,
    notes: d.notes,
    client: d.client
      ? { id: d.client.id, fiscalId: d.client.fiscal_id, name: d.client.name, country: d.client.country }
      : null,
    items: d.items.map((line) => ({
      productId: line.id,
      reference: line.reference,
      title: line.title ?? "",
      qty: line.qty,
      qtyNc: line.qty_nc ?? null,
      amounts: {
        netUnitCents: line.amounts?.net_unit ?? 0,
        netTotalCents: line.amounts?.net_total ?? 0,
        grossUnitCents: line.amounts?.gross_unit ?? 0,
        grossTotalCents: line.amounts?.gross_total ?? 0,
      },
      tax: {
        id: line.tax?.id ?? null,
        rate: line.tax?.rate ?? 0,
        exemption: line.tax?.exemption ?? null,
        exemptionLaw: line.tax?.exemption_law ?? null,
      },
    })),
    taxes: d.taxes.map((t) => ({ rate: t.rate, baseCents: t.base, amountCents: t.amount, totalCents: t.total })),
    payments: d.payments.map((p) => ({ id: p.id, title: p.title, amountCents: p.amount })),
    relatedDocs: d.related_docs.map((r) => ({ id: r.id, type: r.type, number: r.number })),
  }));

/** GET /taxauthority/saft/: `{ xml }`, base64 or raw XML. */
export const saftSchema = z.looseObject({ xml: z.string() });
