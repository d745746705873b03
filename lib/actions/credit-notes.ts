"use server";
// Asking for a credit note from the dashboard. Issued invoices are final (CIVA art. 29(7)): a credit note is
// the only correction, so the request is checked here against what is still creditable before it becomes a
// job, and the pipeline checks again against Vendus's own count before issuing.
import { z } from "zod";
import { storeScope } from "@/lib/access";
import type { LineBalance } from "@/lib/credit-notes/balance";
import { db } from "@/lib/db";
import { getInvoiceBalances, type InvoiceBalance } from "@/lib/data/credit-notes";
import { buildCreditNote, type CreditNoteProblemCode } from "@/lib/invoicing";
import { creditNoteRequestSchema, requestCreditNote, type CreditNoteRequestInput } from "@/lib/jobs/credit-notes";
import { defineAction } from "./action";
import type { ActionError } from "./result";

export interface CreditProblem {
  code: CreditNoteProblemCode | "lines_unreadable";
  /** For the translated message: row, title, requested, creditable, invoiced, number. */
  params: Record<string, string | number>;
}

export type CreditNoteActionResult =
  | { ok: true; jobId: string; dispatched: boolean }
  | { error: ActionError | "not_an_invoice"; fields?: Record<string, string>; problems?: CreditProblem[] }
  | null;

type Request = z.infer<typeof creditNoteRequestSchema>;

function requestFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    if (path === "reason.text") fields.reasonText ??= issue.code === "too_big" ? "too_long" : "reason_text_required";
    else if (path.startsWith("reason")) fields.reason ??= "required";
    else if (path.startsWith("lines")) fields.lines ??= "invalid_quantity";
    else fields.form ??= "invalid";
  }
  return fields;
}

/** The engine's own checks (reason, rows, quantities, test mode), run on Ponte's count of what is left. */
function creditProblems(
  invoice: { number: string; mode: string; storeId: string; vendusId: number },
  balance: InvoiceBalance,
  request: Request,
): CreditProblem[] {
  if (!balance.lines) {
    return request.lines ? [{ code: "lines_unreadable", params: { number: invoice.number } }] : [];
  }
  const lines: LineBalance[] = balance.lines;
  const built = buildCreditNote(
    {
      number: invoice.number,
      mode: invoice.mode === "tests" ? "tests" : "normal",
      registerId: 0,
      storeId: invoice.storeId,
      id: invoice.vendusId,
      lines: lines.map((line) => ({
        row: line.row,
        reference: line.reference,
        title: line.title,
        qty: line.qty,
        qtyCreditable: line.creditable,
        grossUnitCents: line.grossUnitCents ?? 0,
        lineGrossCents: line.lineGrossCents ?? 0,
        taxRate: 0,
        taxCode: "",
      })),
    },
    {
      ...(request.lines ? { scope: "lines" as const, lines: request.lines } : { scope: "full" as const }),
      reason: request.reason,
      sequence: "check",
    },
  );
  if (built.ok) return [];
  const titles = new Map(lines.map((line) => [line.row, line.title]));
  return built.problems.map((problem) => {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(problem.params))
      if (typeof value === "string" || typeof value === "number") params[key] = value;
    if (typeof params.row === "number") params.title = titles.get(params.row) ?? "";
    return { code: problem.code, params };
  });
}

const documentIdSchema = z.string().min(1).max(64);

export const submitCreditNote = defineAction({
  permission: "credit-notes.issue",
  read: (input: CreditNoteRequestInput) => input,
  store: {
    via: "document",
    find: async (input, user) => {
      const documentId = documentIdSchema.safeParse((input as { documentId?: unknown } | null)?.documentId);
      if (!documentId.success) return null;
      return db.document.findFirst({
        where: { id: documentId.data, ...storeScope(user) },
        select: {
          id: true,
          type: true,
          number: true,
          mode: true,
          storeId: true,
          vendusId: true,
          orderId: true,
          lines: true,
        },
      });
    },
  },
  input: creditNoteRequestSchema,
  invalid: (error) => ({ error: "invalid", fields: requestFieldErrors(error) }),
  run: async ({ user, found: invoice, input }): Promise<CreditNoteActionResult> => {
    if (invoice.type === "NC") return { error: "not_an_invoice" };
    const balance = (await getInvoiceBalances(user, [invoice])).get(invoice.id)!;
    const problems = creditProblems(invoice, balance, input);
    if (problems.length > 0) return { error: "invalid", problems };

    // requestCreditNote stores the job and its audit event in one transaction, then dispatches it.
    const result = await requestCreditNote(input, { requestedBy: user.id, via: "dashboard", scope: storeScope(user) });
    if (!result.ok) return result.error === "invalid" ? { error: "invalid" } : { error: result.error };
    return { ok: true, jobId: result.jobId, dispatched: result.dispatched };
  },
  revalidate: ({ found: invoice }) => [...(invoice.orderId ? [`/orders/${invoice.orderId}`] : []), "/orders", "/jobs"],
});
