import { useLocale, useTranslations } from "next-intl";
import { JobError } from "@/components/jobs/job-error";
import { RetryButton } from "@/components/jobs/retry-button";
import { JobKindLabel, JobStatusBadge } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { OrderDetail } from "@/lib/data/order-detail";
import { formatDateTime } from "@/lib/format";

export function OrderJobs({ jobs, storeId }: { jobs: OrderDetail["jobs"]; storeId: string }) {
  const t = useTranslations("jobs");
  const retryT = useTranslations("actions.retry");
  const locale = useLocale();
  return (
    <Card>
      <CardHeader title={t("title")} />
      {jobs.length === 0 ? (
        <EmptyState title={t("emptyForOrder")} />
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t("columns.kind")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th className="text-right">{t("columns.attempts")}</Th>
              <Th>{t("columns.error")}</Th>
              <Th>{t("columns.updated")}</Th>
              <Th className="w-px">
                <span className="sr-only">{retryT("button")}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {jobs.map((job) => {
              const { retriable, stuck } = job;
              return (
                <Tr key={job.id}>
                  <Td>
                    <JobKindLabel kind={job.kind} />
                  </Td>
                  <Td>
                    <span className="inline-flex flex-wrap gap-1">
                      <JobStatusBadge status={job.status} />
                      {stuck ? <Badge tone="amber">{retryT("stuck")}</Badge> : null}
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">{job.attempts}</Td>
                  <Td>
                    <JobError error={job} storeId={storeId} />
                  </Td>
                  <Td className="whitespace-nowrap text-xs">{formatDateTime(job.updatedAt, locale)}</Td>
                  <Td className="w-px">
                    <RetryButton jobId={job.id} subject={job.subject} retriable={retriable} />
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
