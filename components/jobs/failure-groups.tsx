// Failed jobs grouped by cause, said in the reader's language, with what to do about each, a link to the
// jobs of that cause, the store setting that fixes a store-level cause, and "retry this group".
import { getTranslations } from "next-intl/server";
import { can, type SessionUser } from "@/lib/access";
import { listFailureGroups, otherCause, type FailureGroupFilters } from "@/lib/data/failure-groups";
import { describeJobError, type MessageLookup } from "@/lib/jobs/error-messages";
import { FailureGroupList, type DescribedFailureGroup } from "./failure-group-list";

export async function FailureGroups({
  user,
  filters,
  settingsOnThisPage = false,
}: {
  user: SessionUser;
  filters: FailureGroupFilters;
  /** On the store page the settings are on the same page: links are bare anchors. */
  settingsOnThisPage?: boolean;
}) {
  const [{ total, groups }, all, t] = await Promise.all([
    listFailureGroups(user, filters),
    getTranslations(),
    getTranslations("jobs.groups"),
  ]);
  const lookup = all as unknown as MessageLookup;
  const described = groups.map((group): DescribedFailureGroup => {
    const known =
      group.cause === otherCause ? null : describeJobError({ code: group.cause, params: {}, message: null }, lookup);
    const params = new URLSearchParams({ status: "failed", cause: group.cause });
    if (filters.store) params.set("store", filters.store);
    if (filters.kind) params.set("kind", filters.kind);
    const field = known?.settingsField;
    return {
      cause: group.cause,
      count: group.count,
      label: known?.label ?? all("jobErrors.other"),
      hint: known?.hint ?? t("otherHint"),
      settingsHref:
        field && filters.store ? (settingsOnThisPage ? `#${field}` : `/stores/${filters.store}#${field}`) : null,
      jobsHref: `/jobs?${params}`,
    };
  });
  const summary = `${t("summary", { total })} — ${described.map((g) => `${g.label} ${g.count}`).join(", ")}`;
  return (
    <FailureGroupList
      groups={described}
      summary={summary}
      store={filters.store}
      kind={filters.kind}
      mayRetry={can(user, "jobs.retry")}
    />
  );
}
