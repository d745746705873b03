import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import type { SessionUser } from "@/lib/access";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { isInFlight, listJobs, type JobSearch } from "@/lib/data/jobs";
import { JobsTable } from "./jobs-table";

export async function JobsResults({
  user,
  search,
  params,
}: {
  user: SessionUser;
  search: JobSearch;
  params: Record<string, string>;
}) {
  const [page, t] = await Promise.all([listJobs(user, search), getTranslations("jobs")]);
  if (page.rows.length === 0) {
    const filtered = Boolean(search.status || search.kind || search.store || search.cause);
    return (
      <EmptyState
        title={filtered ? t("emptyFilteredTitle") : t("emptyTitle")}
        description={filtered ? t("emptyFiltered") : t("empty")}
      />
    );
  }
  return (
    <>
      {/* Read again every few seconds while a job on this page is on its way, until none is. */}
      <LiveRefresh active={page.rows.some(isInFlight)} />
      <JobsTable
        jobs={page.rows}
        filters={{ status: search.status, kind: search.kind, store: search.store, cause: search.cause }}
      />
      <KeysetPager pathname="/jobs" params={params} prev={page.prev} next={page.next} />
    </>
  );
}
