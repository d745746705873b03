// Badges for the states the dashboard shows, with one colour meaning the same thing everywhere:
// green done, amber waiting or needs a look, red failed, blue in progress, grey inactive.
import { useTranslations } from "next-intl";
import type { ErrorKind, InvoiceState, JobKind, JobStatus, Role, WaitReason } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "./ui/badge";

const invoiceTones: Record<InvoiceState, BadgeTone> = {
  not_paid: "neutral",
  pending: "blue",
  invoiced: "green",
  failed: "red",
  credit_note_suggested: "amber",
  credited: "neutral",
};

export function InvoiceStateBadge({ state }: { state: InvoiceState }) {
  const t = useTranslations("invoiceState");
  return <Badge tone={invoiceTones[state]}>{t(state)}</Badge>;
}

const jobTones: Record<JobStatus, BadgeTone> = {
  waiting_dispatch: "neutral",
  queued: "blue",
  running: "blue",
  // Waits for a service or a reconnection: nothing is wrong with the order itself.
  waiting: "amber",
  succeeded: "green",
  failed: "red",
  skipped: "neutral",
};

/** A waiting job says what it waits for ("Waiting for Vendus", "Reconnect needed: Vendus key"). */
export function JobStatusBadge({ status, waitingFor }: { status: JobStatus; waitingFor?: WaitReason | null }) {
  const t = useTranslations("jobStatus");
  const waiting = useTranslations("outages.waitingFor");
  return <Badge tone={jobTones[status]}>{status === "waiting" && waitingFor ? waiting(waitingFor) : t(status)}</Badge>;
}

/** An invoice still missing one working day before its legal deadline. */
export function AtRiskBadge() {
  const t = useTranslations("outages");
  return (
    <Badge tone="red">
      <span title={t("atRiskHint")}>{t("atRisk")}</span>
    </Badge>
  );
}

export function JobKindLabel({ kind }: { kind: JobKind }) {
  const t = useTranslations("jobKind");
  return <>{t(kind)}</>;
}

// Whether the error needs a person (red) or may clear by itself on retry (amber).
const errorTones: Record<ErrorKind, BadgeTone> = {
  auth: "red",
  validation: "red",
  not_found: "red",
  rate_limited: "amber",
  transient: "amber",
  conflict: "red",
  refused: "red",
  internal: "red",
};

export function ErrorKindBadge({ kind }: { kind: ErrorKind }) {
  const t = useTranslations("errorKind");
  return <Badge tone={errorTones[kind]}>{t(kind)}</Badge>;
}

const roleTones: Record<Role, BadgeTone> = { admin: "accent", accountant: "blue", merchant: "neutral" };

export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("roles");
  return <Badge tone={roleTones[role]}>{t(role)}</Badge>;
}

export function EnabledBadge({ enabled, testMode }: { enabled: boolean; testMode?: boolean }) {
  const t = useTranslations("stores");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={enabled ? "green" : "neutral"}>{enabled ? t("enabled") : t("disabled")}</Badge>
      {testMode ? <Badge tone="amber">{t("testMode")}</Badge> : null}
    </span>
  );
}
