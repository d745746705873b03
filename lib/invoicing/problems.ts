import { centsToDecimal } from "@/lib/money";
import type { InvoiceProblem, InvoiceProblemCode, ProblemParams } from "./types";

export function problem(code: InvoiceProblemCode, message: string, params: ProblemParams = {}): InvoiceProblem {
  return { code, message, params };
}

/** "12.30 EUR", for messages. Params carry the bare decimal ("12.30") so translations can format it. */
export function eur(cents: number): string {
  return `${centsToDecimal(cents)} EUR`;
}

export function decimal(cents: number): string {
  return centsToDecimal(cents);
}

export function describeLine(index: number, name: string): string {
  return `line ${index + 1} ("${name}")`;
}
