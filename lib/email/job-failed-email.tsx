// The e-mail a store's contacts get when a job fails for good: what failed, the cause and what to do, in the
// same words as the dashboard (messages `jobErrors`, by the error's code and values), with the stored original
// text as the technical detail. In Portuguese (pt-PT) or English, after the store's first user.
import { Body, Container, Heading, Hr, Html, Link, Preview, Section, Text, render } from "@react-email/components";
import type { AbstractIntlMessages } from "next-intl";
import type { ErrorKind, JobKind } from "@/lib/generated/prisma/enums";
import { describeJobError } from "@/lib/jobs/error-messages";
import { jobErrorTranslator } from "@/lib/jobs/error-translator";
import english from "@/messages/en.json";
import portuguese from "@/messages/pt-PT.json";

export type EmailLocale = "pt-PT" | "en";

export interface JobFailedEmailProps {
  locale: EmailLocale;
  storeName: string;
  kind: JobKind;
  subject: string;
  errorKind: ErrorKind;
  /** The stored original text (Job.lastErrorMessage): the technical detail. */
  cause: string;
  /** The error's code and values (Job.lastErrorCode, lastErrorParams): the cause in the reader's language. */
  errorCode?: string | null;
  errorParams?: unknown;
  dashboardUrl: string;
}

const copy = {
  "pt-PT": {
    what: {
      invoice_order: (s: string) => `a fatura da encomenda #${s}`,
      credit_note: () => "uma nota de crédito",
      sync_product: (s: string) => `a sincronização do produto ${s}`,
      sync_stock: (s: string) => `a atualização de stock do produto ${s}`,
    },
    subject: (what: string, store: string) => `Ponte: não foi possível concluir ${what} (${store})`,
    intro: (what: string, store: string) => `Na loja ${store}, a Ponte não conseguiu concluir ${what}.`,
    cause: "Causa",
    advice: (data: boolean) =>
      data
        ? "Corrija o problema indicado (na Jumpseller ou nas definições da loja) e volte a tentar a tarefa no painel."
        : "O serviço não respondeu depois de várias tentativas. Volte a tentar a tarefa no painel quando estiver disponível.",
    grouped: "Outras falhas desta loja na próxima hora ficam no painel, sem novo e-mail.",
    open: "Abrir as tarefas falhadas",
  },
  en: {
    what: {
      invoice_order: (s: string) => `the invoice for order #${s}`,
      credit_note: () => "a credit note",
      sync_product: (s: string) => `the sync of product ${s}`,
      sync_stock: (s: string) => `the stock update of product ${s}`,
    },
    subject: (what: string, store: string) => `Ponte: could not complete ${what} (${store})`,
    intro: (what: string, store: string) => `For the store ${store}, Ponte could not complete ${what}.`,
    cause: "Cause",
    advice: (data: boolean) =>
      data
        ? "Fix the problem described (in Jumpseller or in the store's settings), then retry the job from the dashboard."
        : "The service did not answer after several attempts. Retry the job from the dashboard once it is available.",
    grouped: "Further failures of this store within the next hour are listed in the dashboard, without another e-mail.",
    open: "Open the failed jobs",
  },
} as const;

const isDataProblem = (kind: ErrorKind) => !["transient", "rate_limited", "internal"].includes(kind);

const messages: Record<EmailLocale, AbstractIntlMessages> = { "pt-PT": portuguese, en: english };

function describe(props: JobFailedEmailProps) {
  const t = copy[props.locale];
  const what = t.what[props.kind](props.subject);
  return { t, what };
}

/** The cause as the dashboard says it (label, message, what to do), or null for a code it does not know. */
export function describeEmailCause(props: Pick<JobFailedEmailProps, "locale" | "errorCode" | "errorParams" | "cause">) {
  const translate = jobErrorTranslator(messages[props.locale], props.locale);
  const described = describeJobError(
    { code: props.errorCode ?? null, params: props.errorParams ?? null, message: props.cause },
    translate,
  );
  return described ? { ...described, detailLabel: translate("jobErrors.detail") } : null;
}

export function JobFailedEmail(props: JobFailedEmailProps) {
  const { t, what } = describe(props);
  const described = describeEmailCause(props);
  return (
    <Html lang={props.locale}>
      <Preview>{t.subject(what, props.storeName)}</Preview>
      <Body style={{ fontFamily: "system-ui, sans-serif", backgroundColor: "#f6f6f6" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h2">{t.intro(what, props.storeName)}</Heading>
          <Section>
            <Text style={{ fontWeight: 600, marginBottom: 0 }}>
              {described ? `${t.cause}: ${described.label}` : t.cause}
            </Text>
            {described ? (
              <>
                <Text style={{ marginTop: 4, marginBottom: 0 }}>{described.message ?? props.cause}</Text>
                <Text style={{ marginTop: 4, marginBottom: 0 }}>{described.hint}</Text>
              </>
            ) : null}
            <Text style={{ whiteSpace: "pre-wrap", marginTop: 4, color: described ? "#555555" : undefined }}>
              {described ? `${described.detailLabel}: ${props.cause}` : props.cause}
            </Text>
          </Section>
          <Text>{t.advice(isDataProblem(props.errorKind))}</Text>
          <Link href={props.dashboardUrl}>{t.open}</Link>
          <Hr />
          <Text style={{ color: "#666666", fontSize: 12 }}>{t.grouped}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export async function renderJobFailedEmail(props: JobFailedEmailProps) {
  const { t, what } = describe(props);
  const element = <JobFailedEmail {...props} />;
  return {
    subject: t.subject(what, props.storeName),
    html: await render(element),
    text: await render(element, { plainText: true }),
  };
}

export function emailLocale(locale: string | null | undefined): EmailLocale {
  return locale?.toLowerCase().startsWith("en") ? "en" : "pt-PT";
}
