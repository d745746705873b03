// Who the invoice is for: NIFs typed in different ways, foreign ids, consumidor final.
import { describe } from "vitest";
import { buildOrder } from "@/tests/support/invoicing/fixtures";
import {
  expectedDocument,
  item,
  lucia,
  luciaClient,
  mariaSilva,
  runInvoiceCases,
} from "@/tests/support/invoicing/expectations";

const mug = { name: "Caneca", sku: "CAN-1", price: 12.5 };

describe("buildInvoice — customer and NIF", () => {
  runInvoiceCases([
    {
      name: "valid NIF typed with PT prefix and spaces",
      order: buildOrder({ id: 1027, lines: [mug], taxid: "PT 501 964 843" }),
      document: expectedDocument(1027, [item("CAN-1", "Caneca", 1, 12.5, "NOR")], { client: mariaSilva("501964843") }),
      gross: 1250,
      // 501964843 is a company's NIF (first digit 5) but the order names a person: issued as given, flagged.
      warnings: [
        "The NIF 501964843 is a company's or another entity's, but the order names only a person; the invoice " +
          "was issued to the name given. If the company's name must appear, credit it and issue a new one.",
      ],
    },
    {
      name: "NIF from the checkout field, label matched without case or accents",
      order: buildOrder({
        id: 1028,
        lines: [mug],
        additionalFields: [{ label: "Número de Contribuinte", value: "123 456 789" }],
      }),
      ctx: { nifFieldLabel: "numero de contribuinte" },
      document: expectedDocument(1028, [item("CAN-1", "Caneca", 1, 12.5, "NOR")], { client: mariaSilva("123456789") }),
      gross: 1250,
    },
    {
      name: "999999990 typed by the customer: consumidor final, no client sent",
      order: buildOrder({ id: 1029, lines: [mug], taxid: "999 999 990" }),
      document: expectedDocument(1029, [item("CAN-1", "Caneca", 1, 12.5, "NOR")]),
      gross: 1250,
    },
    {
      name: "invalid NIF: refused",
      order: buildOrder({ id: 1030, lines: [mug], taxid: "123456780" }),
      problems: [
        {
          code: "invalid_nif",
          message:
            'The NIF "123456780" given by the customer is not a valid Portuguese NIF (9 digits with a check ' +
            "digit). Correct it on the order in Jumpseller, or allow invoicing such orders to Consumidor final.",
          params: { nif: "123456780" },
        },
      ],
    },
    {
      name: "invalid NIF with the consumidor-final policy: issued without NIF, with a warning",
      order: buildOrder({ id: 1031, lines: [mug], taxid: "123456780" }),
      ctx: { invalidNifPolicy: "consumidor_final" },
      document: expectedDocument(1031, [item("CAN-1", "Caneca", 1, 12.5, "NOR")]),
      gross: 1250,
      warnings: [
        'The NIF "123456780" given by the customer is not a valid Portuguese NIF; the invoice was issued to ' +
          "Consumidor final, without a NIF. If the customer needs one, credit it and issue a new invoice.",
      ],
    },
    {
      name: "foreign personal id kept as given, PT VAT when OSS is off",
      order: buildOrder({ id: 1033, lines: [mug], ...lucia, taxid: "12345678Z" }),
      document: expectedDocument(1033, [item("CAN-1", "Caneca", 1, 12.5, "NOR")], {
        client: { fiscal_id: "12345678Z", ...luciaClient },
      }),
      gross: 1250,
    },
    {
      name: "consumer abroad with OSS off: PT VAT, consumidor final",
      order: buildOrder({ id: 1039, lines: [mug], ...lucia }),
      document: expectedDocument(1039, [item("CAN-1", "Caneca", 1, 12.5, "NOR")]),
      gross: 1250,
    },
  ]);
});
