// Every minute: probe the services found down (one probe per breaker, at growing intervals), resume the
// jobs that waited for them in payment order, send parked jobs whose delay is over, mark orders close to
// their legal deadline, and send the outage e-mails. See lib/outages/watch.ts.
import { inngest } from "@/lib/inngest/client";
import { watchOutages as watch } from "@/lib/outages/watch";
import { pipelineServices } from "@/lib/pipeline/services";

export const watchOutages = inngest.createFunction(
  {
    id: "watch-outages",
    name: "Watch outages and resume waiting jobs",
    triggers: [{ cron: "* * * * *" }],
    // One sweep at a time; a probe lease also keeps two sweeps from probing one service together.
    concurrency: 1,
    retries: 0,
  },
  async ({ step }) => {
    return step.run("watch", async () => {
      const result = await watch({ services: pipelineServices() });
      return {
        probes: result.probes.map((p) => ({ service: p.service, up: p.up, resumed: p.resumed })),
        resumed: result.resumed,
        atRisk: result.atRisk,
        emails: result.emails,
      };
    });
  },
);
