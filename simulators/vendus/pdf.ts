// A real, minimal PDF (one page, Helvetica text) so that downloads and proxies can be tested end to end.
import { centsToDecimal } from "../../lib/money";
import type { SimDocument, SimState } from "./state";

/** PDF literal strings: ASCII only here (accents dropped), with ( ) \ escaped. */
function pdfText(value: string): string {
  const ascii = value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?");
  return ascii.replace(/[()\\]/g, (c) => `\\${c}`);
}

export function renderPdf(state: SimState, doc: SimDocument): Uint8Array {
  const lines = [
    state.account.company,
    `NIF ${state.account.fiscal_id}`,
    `${doc.number}${doc.mode === "tests" ? " (modo de testes, sem validade fiscal)" : ""}`,
    `Data ${doc.date}   ATCUD ${doc.atcud}`,
    `Cliente ${doc.client.name} ${doc.client.fiscal_id || "Consumidor final"}`,
    ...doc.lines.map(
      (l) => `${l.qtyMilli / 1000} x ${l.title}   ${centsToDecimal(l.amounts.grossTotalCents)} (IVA ${l.rate}%)`,
    ),
    ...doc.taxes.map(
      (t) => `IVA ${t.rate}%: base ${centsToDecimal(t.baseCents)}, imposto ${centsToDecimal(t.vatCents)}`,
    ),
    `Total ${centsToDecimal(doc.grossCents)} EUR`,
  ];
  const content = `BT /F1 11 Tf 50 790 Td 14 TL ${lines.map((l) => `(${pdfText(l)}) '`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
