// What every job function shares: turning the pipeline's classified errors into Inngest's retry decisions,
// and the failure handler that marks the job failed and e-mails the store.
import { NonRetriableError, RetryAfterError } from "inngest";
import { notifyJobFailure } from "@/lib/email/notify-failure";
import { failJob, finishJob, recordJobError, startJobRun, type RunRef } from "@/lib/jobs/lifecycle";
import { classifyError } from "@/lib/pipeline/errors";
import { pipelineServices } from "@/lib/pipeline/services";
import { jobEventDataSchema, type JobEventData } from "./events";

export const jobRetries = 5;

export function runRef(data: JobEventData): RunRef {
  return { jobId: data.jobId, dispatchCount: data.dispatchCount };
}

/**
 * Wraps a step body: a data problem stops the run at once (NonRetriableError), a rate limit waits until the
 * service's reset (RetryAfterError), anything else is retried with Inngest's backoff. The classified error is
 * written on the job first, so the dashboard shows it while the run retries, and the failure handler keeps it.
 */
export function guarded<T>(ref: RunRef, work: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      return await work();
    } catch (error) {
      const classified = classifyError(error);
      await recordJobError(pipelineServices().db, ref, classified).catch((dbError: unknown) => {
        console.error(`Could not record the error of job ${ref.jobId}:`, dbError);
      });
      if (classified.retry.mode === "never") throw new NonRetriableError(classified.message, { cause: error });
      if (classified.retry.mode === "at") throw new RetryAfterError(classified.message, classified.retry.at, { cause: error });
      throw error;
    }
  };
}

/** Marks the job running; anything but "started" means this run has nothing to do. */
export async function startStep(ref: RunRef, runId: string) {
  const started = await startJobRun(pipelineServices().db, ref, runId);
  return started.state === "started"
    ? { state: "started" as const, subject: started.job.subject }
    : { state: started.state, status: started.status ?? null };
}

export function finishStep(ref: RunRef, outcome: Parameters<typeof finishJob>[2]) {
  return async () => ({ finished: await finishJob(pipelineServices().db, ref, outcome) });
}

interface FailureArgs {
  event: { data: { event?: { data?: unknown }; error?: { name?: string; message?: string } } };
  step: { run<T>(id: string, fn: () => Promise<T>): Promise<unknown> };
}

/** onFailure for every job function: retries are exhausted or a data problem stopped the run. */
export async function onJobFailure({ event, step }: FailureArgs) {
  const parsed = jobEventDataSchema.safeParse(event.data.event?.data);
  if (!parsed.success) return { ignored: "not a job event" };
  const ref = runRef(parsed.data);
  const services = pipelineServices();
  const error = event.data.error;
  const failed = await step.run("mark-job-failed", async () => {
    const job = await failJob(services.db, ref, { kind: "internal", code: error?.name ?? null, message: error?.message ?? "The run failed" });
    return { failed: Boolean(job) };
  });
  if (!(failed as { failed: boolean }).failed) return { notified: false };
  return step.run("email-failure", async () => {
    const result = await notifyJobFailure(services.db, ref.jobId, { publicUrl: services.publicUrl });
    return { status: result.status, notificationId: result.notificationId };
  });
}
