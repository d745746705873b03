// How every job function is built: the shared flow control and failure handler, a first step that claims the
// run (a stale or finished job does nothing; a job whose service is down waits), and step bodies guarded so
// the pipeline's classified errors become Inngest's retry decisions or a parked job. Each function then only
// lists its own steps.
import type { GetStepTools } from "inngest";
import { inngest } from "@/lib/inngest/client";
import type { creditNoteRequested, invoiceRequested, productChanged, stockChanged } from "@/lib/inngest/events";
import { tellJumpsellerOfDocument } from "@/lib/pipeline/attach";
import { isParked } from "@/lib/outages/park";
import { servicesForRun } from "@/lib/pipeline/run-cache";
import { pipelineServices, type PipelineServices } from "@/lib/pipeline/services";
import type { JobErrorCode, JobErrorParams } from "@/lib/jobs/error-codes";
import type { RunRef } from "@/lib/jobs/lifecycle";
import { jobCheckpointing, jobRetries, vendusThrottle, type SharedConcurrency } from "./flow-control";
import { databaseStep, finishStep, guarded, onJobFailure, runRef, startStep, type StepScope } from "./job-steps";

type JobTrigger = typeof invoiceRequested | typeof creditNoteRequested | typeof productChanged | typeof stockChanged;

export interface JobRun {
  ref: RunRef;
  scope: StepScope;
  services: PipelineServices;
  step: GetStepTools<typeof inngest>;
}

interface JobFunctionConfig {
  id: string;
  name: string;
  trigger: JobTrigger;
  concurrency: SharedConcurrency;
}

/** Thrown by a step wrapper when the job was parked: the run ends there, successfully, holding nothing. */
class RunParked extends Error {
  constructor(readonly reason: string) {
    super(`The job waits (${reason})`);
  }
}

export function jobFunction<R>(config: JobFunctionConfig, body: (run: JobRun) => Promise<R>) {
  return inngest.createFunction(
    {
      id: config.id,
      name: config.name,
      triggers: [config.trigger],
      retries: jobRetries,
      concurrency: config.concurrency,
      throttle: vendusThrottle,
      checkpointing: jobCheckpointing,
      onFailure: onJobFailure,
    },
    async ({ event, step, runId, attempt }) => {
      const ref = runRef(event.data);
      const scope: StepScope = { ref, storeId: event.data.storeId, vendusKey: event.data.vendusKey, attempt };
      const started = await step.run(
        "start",
        databaseStep(attempt, () => startStep(scope, runId)),
      );
      if (isParked(started)) return { ran: false as const, reason: "waiting" as const, waitingFor: started.reason };
      if (started.state !== "started") return { ran: false as const, reason: started.state };
      try {
        return await body({ ref, scope, services: servicesForRun(pipelineServices(), runId), step });
      } catch (error) {
        if (error instanceof RunParked)
          return { ran: false as const, reason: "waiting" as const, waitingFor: error.reason };
        throw error;
      }
    },
  );
}

/** A step whose errors are classified (see guarded): data problems stop the run, outages park the job. */
export async function guardedStep<T>({ scope, step }: JobRun, id: string, work: () => Promise<T>): Promise<T> {
  const result = (await step.run(id, guarded(scope, work))) as T | { parked: true; reason: string };
  if (isParked(result)) throw new RunParked(result.reason);
  return result as T;
}

/** The step that ends a run with the job's final status. */
export function finishRun({ ref, scope, step }: JobRun, outcome: Parameters<typeof finishStep>[1]) {
  return step.run(
    outcome.status === "skipped" ? "skip" : "finish",
    databaseStep(scope.attempt, finishStep(ref, outcome)),
  );
}

/** Ends a run whose job has nothing left to do (the order is no longer paid, the product is gone), saying why. */
export async function skipRun(
  run: JobRun,
  skip: { reason: string; code: JobErrorCode; params?: JobErrorParams },
): Promise<{ ran: true; skipped: string }> {
  const reason = skip.params ? { code: skip.code, params: skip.params } : { code: skip.code };
  await finishRun(run, { status: "skipped", message: skip.reason, reason });
  return { ran: true, skipped: skip.reason };
}

/**
 * The end of a document job, in one step: the document is attached to the Jumpseller order, noted in its
 * history, and the job finished. Each part checks its own marker first (attachedToOrderAt, historyNotedAt),
 * so a retry of this step repeats nothing that was done.
 */
export async function attachDocumentAndFinish(run: JobRun, documentId: string) {
  const { ref, services } = run;
  await guardedStep(run, "tell-jumpseller-and-finish", async () => {
    await tellJumpsellerOfDocument(services, ref, documentId);
    return finishStep(ref, { status: "succeeded" })();
  });
  return { ran: true as const, documentId };
}
