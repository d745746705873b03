import { useLocale, useTranslations } from "next-intl";
import { JobError } from "@/components/jobs/job-error";
import { JobKindLabel, JobStatusBadge } from "@/components/status-badges";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { OrderDetail } from "@/lib/data/order-detail";
import { formatDateTime } from "@/lib/format";

export function OrderJobs({ jobs }: { jobs: OrderDetail["jobs"] }) {
  const t = useTranslations("jobs");
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
            </tr>
          </THead>
          <TBody>
            {jobs.map((job) => (
              <Tr key={job.id}>
                <Td>
                  <JobKindLabel kind={job.kind} />
                </Td>
                <Td>
                  <JobStatusBadge status={job.status} />
                </Td>
                <Td className="text-right tabular-nums">{job.attempts}</Td>
                <Td>
                  <JobError kind={job.lastErrorKind} code={job.lastErrorCode} message={job.lastErrorMessage} />
                </Td>
                <Td className="whitespace-nowrap text-xs">{formatDateTime(job.updatedAt, locale)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
