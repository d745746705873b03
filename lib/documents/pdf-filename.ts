/** "FR 01P2026/12" → "FR_01P2026_12.pdf": a document number as a file name. */
export function pdfFilename(number: string): string {
  return `${number.replace(/[^\w.-]+/g, "_")}.pdf`;
}
