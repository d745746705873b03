import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { JobKindLabel, JobStatusBadge } from "@/components/status-badges";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { JobRow } from "@/lib/data/jobs";
import { formatDateTime } from "@/lib/format";
import { JobError } from "./job-error";

export function JobsTable({ jobs }: { jobs: JobRow[] }) {
  const t = useTranslations("jobs");
  const locale = useLocale();
  return (
    <Table>
      <THead>
        <tr>
          <Th>{t("columns.kind")}</Th>
          <Th>{t("columns.store")}</Th>
          <Th>{t("columns.subject")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th className="text-right">{t("columns.attempts")}</Th>
          <Th>{t("columns.error")}</Th>
          <Th>{t("columns.updated")}</Th>
        </tr>
      </THead>
      <TBody>
        {jobs.map((job) => (
          <Tr key={job.id}>
            <Td className="whitespace-nowrap font-medium text-zinc-900">
              <JobKindLabel kind={job.kind} />
            </Td>
            <Td className="whitespace-nowrap">{job.store.name}</Td>
            <Td className="whitespace-nowrap">
              {job.orderId ? (
                <Link href={`/orders/${job.orderId}`} className="text-teal-700 hover:underline">
                  #{job.subject}
                </Link>
              ) : (
                <span className="font-mono text-xs">{job.subject}</span>
              )}
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
  );
}
