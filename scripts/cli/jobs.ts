import { JobStatus } from "../../lib/generated/prisma/enums";
import { retryJob, retryJobs } from "../../lib/jobs/retry";
import { optionalInt, parseFlags, storeWithCode, table } from "./args";
import { type CliCommand, type CliContext, UsageError } from "./types";

/** The id of the store `--store` names, if given. */
async function storeIdFor(db: CliContext["db"], code: string | undefined): Promise<string | undefined> {
  return code === undefined ? undefined : (await storeWithCode(db, code)).id;
}

export const jobsList: CliCommand = {
  name: "jobs:list",
  config: ["database"],
  summary: "List jobs with their state and, for failed ones, the cause",
  usage:
    "jobs:list [--store <code>] [--status waiting_dispatch|queued|running|waiting|succeeded|failed|skipped] [--limit 50]",
  async run({ db, args, out }) {
    const { values } = parseFlags(args, {
      store: { type: "string" },
      status: { type: "string" },
      limit: { type: "string" },
    });
    const status = values.status as JobStatus | undefined;
    if (status && !Object.values(JobStatus).includes(status)) {
      throw new UsageError(`--status must be one of ${Object.values(JobStatus).join(", ")}`);
    }
    const storeId = await storeIdFor(db, values.store);
    const jobs = await db.job.findMany({
      where: { ...(storeId ? { storeId } : {}), ...(status ? { status } : {}) },
      orderBy: { updatedAt: "desc" },
      take: optionalInt(values.limit, "limit") ?? 50,
      include: { store: { select: { code: true } } },
    });
    table(
      jobs.map((j) => ({
        id: j.id,
        store: j.store.code,
        kind: j.kind,
        subject: j.subject,
        status: j.status,
        attempts: j.attempts,
        updated: j.updatedAt.toISOString().slice(0, 19).replace("T", " "),
        cause: j.lastErrorMessage
          ? `${j.lastErrorKind ?? "error"}${j.lastErrorCode ? ` ${j.lastErrorCode}` : ""}: ${j.lastErrorMessage}`
          : "",
      })),
      out,
    );
  },
};

export const jobsRetry: CliCommand = {
  name: "jobs:retry",
  config: ["database", "inngest"],
  summary: "Run a failed (or stuck) job again, or every failed job of a store",
  usage: "jobs:retry <job id> | jobs:retry --failed [--store <code>]",
  async run({ db, args, out }) {
    const { values, positionals } = parseFlags(args, { failed: { type: "boolean" }, store: { type: "string" } });
    if (values.failed) {
      if (positionals.length) throw new UsageError("give a job id or --failed, not both");
      const storeId = await storeIdFor(db, values.store);
      const result = await retryJobs({ storeId, status: "failed", requestedBy: null, via: "cli" }, { db });
      for (const r of result.results) {
        out(
          r.ok
            ? `Retrying ${r.jobId} (event ${r.eventId}${r.dispatched ? "" : ", not sent yet: it will be sent by dispatch-waiting"})`
            : `Skipped: ${r.error}`,
        );
      }
      return out(`${result.retried} job(s) retried, ${result.skipped} skipped.`);
    }
    const [jobId] = positionals;
    if (!jobId || positionals.length > 1) throw new UsageError("give one job id (see jobs:list), or --failed");
    const result = await retryJob({ jobId, requestedBy: null, via: "cli" }, { db });
    if (!result.ok) {
      throw new Error(
        result.error === "not_found"
          ? `no job ${jobId}`
          : `job ${jobId} is ${result.status}: only failed or stuck jobs are retried`,
      );
    }
    out(
      `Retrying ${result.jobId} (event ${result.eventId})${result.dispatched ? "" : "; Inngest did not accept it yet, dispatch-waiting will send it"}.`,
    );
  },
};
