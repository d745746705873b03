// The e-mail a store's contacts get when a job fails for good: what failed, the cause in the service's own
// words, and what to do. In Portuguese (pt-PT) or English, after the store's first user.
import { Body, Container, Heading, Hr, Html, Link, Preview, Section, Text, render } from "@react-email/components";
import type { ErrorKind, JobKind } from "@/lib/generated/prisma/enums";
import { ptCauseSummary } from "./cause-summaries";

export type EmailLocale = "pt-PT" | "en";

export interface JobFailedEmailProps {
  locale: EmailLocale;
  storeName: string;
  kind: JobKind;
  subject: string;
  errorKind: ErrorKind;
  cause: string;
  /** The problem's code (e.g. invalid_nif), used to state the cause in Portuguese. */
  errorCode?: string | null;
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

function describe(props: JobFailedEmailProps) {
  const t = copy[props.locale];
  const what = t.what[props.kind](props.subject);
  return { t, what };
}

export function JobFailedEmail(props: JobFailedEmailProps) {
  const { t, what } = describe(props);
  const summary = props.locale === "pt-PT" ? ptCauseSummary(props.errorCode) : null;
  return (
    <Html lang={props.locale}>
      <Preview>{t.subject(what, props.storeName)}</Preview>
      <Body style={{ fontFamily: "system-ui, sans-serif", backgroundColor: "#f6f6f6" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h2">{t.intro(what, props.storeName)}</Heading>
          <Section>
            <Text style={{ fontWeight: 600, marginBottom: 0 }}>{t.cause}</Text>
            {summary ? <Text style={{ marginTop: 4, marginBottom: 0 }}>{summary}</Text> : null}
            <Text style={{ whiteSpace: "pre-wrap", marginTop: 4, color: summary ? "#555555" : undefined }}>
              {summary ? `Detalhe: ${props.cause}` : props.cause}
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
