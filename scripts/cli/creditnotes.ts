import { creditReasonPresets, requestCreditNote } from "../../lib/jobs/credit-notes";
import { parseFlags, required } from "./args";
import { type CliCommand, UsageError } from "./types";

function parseLine(value: string): { row: number; qty: number } {
  const match = /^(\d+):(\d+(?:\.\d+)?)$/.exec(value);
  if (!match) throw new UsageError(`--line must be <row>:<qty> (e.g. 2:1), not "${value}"`);
  return { row: Number(match[1]), qty: Number(match[2]) };
}

export const creditNoteIssue: CliCommand = {
  name: "creditnote:issue",
  config: ["database", "inngest"],
  summary: "Issue a credit note for an invoice (all of it, or some lines)",
  usage: `creditnote:issue --document <document id> --reason ${creditReasonPresets.join("|")} [--text <why>] [--line <row>:<qty>]...`,
  async run({ db, args, out }) {
    const { values } = parseFlags(args, {
      document: { type: "string" },
      reason: { type: "string" },
      text: { type: "string" },
      line: { type: "string", multiple: true },
    });
    const preset = required(values.reason, "reason");
    if (!creditReasonPresets.includes(preset as (typeof creditReasonPresets)[number])) {
      throw new UsageError(`--reason must be one of ${creditReasonPresets.join(", ")}`);
    }
    const lines = values.line?.map(parseLine);
    const result = await requestCreditNote(
      {
        documentId: required(values.document, "document"),
        reason: { preset: preset as (typeof creditReasonPresets)[number], text: values.text },
        lines,
      },
      { requestedBy: null, via: "cli" },
      { db },
    );
    if (!result.ok) {
      if (result.error === "invalid") throw new UsageError(result.issues.join("; "));
      throw new Error(
        result.error === "not_found"
          ? `no document ${values.document}`
          : `document ${values.document} is a credit note, not an invoice`,
      );
    }
    out(
      `Credit note requested: job ${result.jobId}${result.dispatched ? "" : " (waiting for dispatch)"}. Follow it with jobs:list.`,
    );
  },
};
