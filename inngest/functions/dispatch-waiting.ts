// Every minute: send the jobs still waiting for dispatch (Inngest was unreachable when they were stored),
// re-send queued jobs that never started and running jobs whose run died (lib/jobs/dispatch.ts). Nothing a
// webhook stored is lost to an Inngest outage or a run lost with its process. Also closes SAF-T bundles whose
// store runs never finished (lib/saft/bundle.ts expireStaleBundles).
import { dispatchWaitingJobs } from "@/lib/jobs/dispatch";
import { pipelineServices } from "@/lib/pipeline/services";
import { inngest } from "@/lib/inngest/client";
import { expireStaleBundles } from "@/lib/saft/bundle";

export const dispatchWaiting = inngest.createFunction(
  {
    id: "dispatch-waiting",
    name: "Dispatch waiting jobs",
    triggers: [{ cron: "* * * * *" }],
    // One sweep at a time; the next minute's sweep picks up whatever this one could not send.
    concurrency: 1,
    retries: 0,
  },
  async ({ step }) => {
    const dispatched = await step.run("dispatch", async () => {
      const result = await dispatchWaitingJobs(pipelineServices().db);
      return { sent: result.sent.length, failed: result.failed.length };
    });
    // SAF-T bundles whose store runs never finished are closed with those stores listed as timed out.
    const bundlesExpired = await step.run("expire-saft-bundles", () => expireStaleBundles(pipelineServices().db));
    return { ...dispatched, bundlesExpired };
  },
);
