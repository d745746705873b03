// Fixed data the simulated account starts with: VAT rates per region, exemption reasons, payment methods,
// units. Rates and exemption codes follow the vendor reference; ids are the simulator's own.

import { ratio, type Ratio } from "./ratio";

export type Region = "PT" | "PT-MA" | "PT-AC";
export type TaxCode = "NOR" | "INT" | "RED" | "ISE";

/** Mainland, Madeira and the Azores (CIVA art. 18 and the regional decrees). */
export const regionRates: Record<Region, Record<TaxCode, number>> = {
  PT: { NOR: 23, INT: 13, RED: 6, ISE: 0 },
  "PT-MA": { NOR: 22, INT: 12, RED: 5, ISE: 0 },
  "PT-AC": { NOR: 16, INT: 9, RED: 4, ISE: 0 },
};

export function rateOf(region: Region, code: TaxCode): Ratio {
  return ratio(BigInt(regionRates[region][code]));
}

export const taxTitles: Record<TaxCode, string> = {
  NOR: "Taxa Normal",
  INT: "Taxa Intermédia",
  RED: "Taxa Reduzida",
  ISE: "Isento",
};

/** SAF-T PT exemption reasons (codes as listed by Vendus's GET /taxes/exemptions/), copied row by row. */
export const exemptions: { id: string; text: string; law: string }[] = [
  { id: "M01", text: "Artigo 16.º, n.º 6 do CIVA", law: "Artigo 16.º, n.º 6, alíneas a) a d) do CIVA" },
  {
    id: "M02",
    text: "Artigo 6.º do Decreto-Lei n.º 198/90, de 19 de junho",
    law: "Artigo 6.º do Decreto-Lei n.º 198/90, de 19 de junho",
  },
  { id: "M03", text: "Exigibilidade de caixa", law: "Decreto-Lei n.º 71/2013, de 30 de maio" },
  { id: "M04", text: "Isento artigo 13.º do CIVA", law: "Artigo 13.º do CIVA" },
  { id: "M05", text: "Isento artigo 14.º do CIVA", law: "Artigo 14.º do CIVA" },
  { id: "M06", text: "Isento artigo 15.º do CIVA", law: "Artigo 15.º do CIVA" },
  { id: "M07", text: "Isento artigo 9.º do CIVA", law: "Artigo 9.º do CIVA" },
  { id: "M08", text: "IVA – autoliquidação", law: "Artigo 2.º, n.º 1, alínea i), j) ou l) do CIVA" },
  { id: "M09", text: "IVA ‐ não confere direito a dedução", law: "Artigo 62.º, alínea b) do CIVA" },
  { id: "M10", text: "IVA – regime de isenção", law: "Artigo 57.º do CIVA" },
  { id: "M11", text: "Regime particular do tabaco", law: "Decreto-Lei n.º 346/85, de 23 de agosto" },
  { id: "M12", text: "Regime da margem de lucro – Agências de viagens", law: "Decreto-Lei n.º 221/85, de 3 de julho" },
  {
    id: "M13",
    text: "Regime da margem de lucro – Bens em segunda mão",
    law: "Decreto-Lei n.º 199/96, de 18 de outubro",
  },
  { id: "M14", text: "Regime da margem de lucro – Objetos de arte", law: "Decreto-Lei n.º 199/96, de 18 de outubro" },
  {
    id: "M15",
    text: "Regime da margem de lucro – Objetos de coleção e antiguidades",
    law: "Decreto-Lei n.º 199/96, de 18 de outubro",
  },
  { id: "M16", text: "Isento artigo 14.º do RITI", law: "Artigo 14.º do RITI" },
  { id: "M19", text: "Outras isenções", law: "Isenções temporárias determinadas em diploma próprio" },
  { id: "M20", text: "IVA - regime forfetário", law: "Artigo 59.º-D, n.º 2 do CIVA" },
  { id: "M21", text: "IVA – não confere direito à dedução", law: "Artigo 72.º, n.º 4 do CIVA" },
  { id: "M25", text: "Mercadorias à consignação", law: "Artigo 38.º, n.º 1, alínea a) do CIVA" },
  {
    id: "M26",
    text: "Isenção de IVA com direito à dedução no cabaz alimentar",
    law: "Lei n.º 17/2023, de 14 de abril",
  },
  { id: "M30", text: "IVA - autoliquidação", law: "Artigo 2.º, n.º 1, alínea i) do CIVA" },
  { id: "M31", text: "IVA - autoliquidação", law: "Artigo 2.º, n.º 1, alínea j) do CIVA" },
  { id: "M32", text: "IVA - autoliquidação", law: "Artigo 2.º, n.º 1, alínea l) do CIVA" },
  { id: "M33", text: "IVA - autoliquidação", law: "Artigo 2.º, n.º 1, alínea m) do CIVA" },
  { id: "M34", text: "IVA - autoliquidação", law: "Artigo 2.º, n.º 1, alínea n) do CIVA" },
  { id: "M40", text: "IVA - autoliquidação", law: "Artigo 6.º, n.º 6, alínea a) do CIVA, a contrário" },
  { id: "M41", text: "IVA - autoliquidação", law: "Artigo 8.º, n.º 3 do RITI" },
  { id: "M42", text: "IVA - autoliquidação", law: "Decreto-Lei n.º 21/2007, de 29 de janeiro" },
  { id: "M43", text: "IVA - autoliquidação", law: "Decreto-Lei n.º 362/99, de 16 de setembro" },
  {
    id: "M99",
    text: "Não sujeito ou não tributado",
    law: "Outras situações de não liquidação do imposto (artigo 2.º, n.º 2; artigo 3.º, n.ºs 4, 6 e 7; artigo 4.º, n.º 5 do CIVA)",
  },
];

export const paymentMethods: { id: number; title: string; type: string; status: "on" | "off" }[] = [
  { id: 301, title: "Numerário", type: "NU", status: "on" },
  { id: 302, title: "Cartão de Crédito", type: "CC", status: "on" },
  { id: 303, title: "Cartão de Débito", type: "CD", status: "on" },
  { id: 304, title: "Multibanco", type: "MB", status: "on" },
  { id: 305, title: "MB WAY", type: "MBWAY", status: "on" },
  { id: 306, title: "Transferência Bancária", type: "TB", status: "on" },
  { id: 307, title: "Outros", type: "OU", status: "on" },
];

/** GET /documents/types/: the types of the reference (visible_finalize: offered when creating a document). */
export const documentTypes: {
  id: string;
  title: string;
  visible_filter: "yes" | "no";
  visible_finalize: "yes" | "no";
}[] = [
  { id: "FT", title: "Fatura", visible_filter: "yes", visible_finalize: "yes" },
  { id: "FS", title: "Fatura Simplificada", visible_filter: "yes", visible_finalize: "yes" },
  { id: "FR", title: "Fatura Recibo", visible_filter: "yes", visible_finalize: "yes" },
  { id: "NC", title: "Nota de Crédito", visible_filter: "yes", visible_finalize: "yes" },
  { id: "GT", title: "Guia de Transporte", visible_filter: "yes", visible_finalize: "yes" },
  { id: "GR", title: "Guia de Remessa", visible_filter: "yes", visible_finalize: "yes" },
  { id: "PF", title: "Fatura Pró-Forma", visible_filter: "yes", visible_finalize: "yes" },
  { id: "OT", title: "Orçamento", visible_filter: "yes", visible_finalize: "yes" },
  { id: "EC", title: "Encomenda", visible_filter: "yes", visible_finalize: "yes" },
];

export const units: { id: number; title: string; short: string; decimals: number }[] = [
  { id: 1, title: "Unidade", short: "Un", decimals: 0 },
  { id: 2, title: "Quilograma", short: "Kg", decimals: 3 },
  { id: 3, title: "Serviço", short: "Serv", decimals: 0 },
];
