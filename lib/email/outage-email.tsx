// The e-mails about waiting, not failing: one when an outage (or a refused credential) starts, one when it
// ends, and one when orders come close to their legal deadline while still waiting. In Portuguese (pt-PT)
// or English, after the store's first user, like the failure e-mail.
import { Body, Container, Heading, Html, Link, Preview, Section, Text, render } from "@react-email/components";
import type { WaitReason } from "@/lib/generated/prisma/enums";
import type { EmailLocale } from "./job-failed-email";

export type OutageEmailProps =
  | { kind: "started"; reason: WaitReason; waiting: number; since: Date; detail: string | null }
  | { kind: "ended"; reason: WaitReason; invoiced: number; since: Date; until: Date }
  | { kind: "at_risk"; orders: { number: string; deadline: string }[] };

export interface OutageEmailBase {
  locale: EmailLocale;
  storeName: string;
  dashboardUrl: string;
}

function lisbonTime(at: Date, locale: EmailLocale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "Europe/Lisbon",
    day: "2-digit",
    month: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}

const copy = {
  "pt-PT": {
    startedSubject: (store: string, reason: WaitReason) =>
      reason === "vendus_key"
        ? `Ponte: a chave da Vendus da loja ${store} foi recusada — volte a ligar`
        : reason === "jumpseller_access"
          ? `Ponte: o acesso à Jumpseller da loja ${store} foi recusado — volte a ligar`
          : `Ponte: ${reason === "vendus" ? "a Vendus" : "a Jumpseller"} não responde (${store})`,
    startedIntro: (reason: WaitReason, since: string) =>
      reason === "vendus_key"
        ? `Desde ${since}, a Vendus recusa a chave de API desta loja.`
        : reason === "jumpseller_access"
          ? `Desde ${since}, a Jumpseller recusa o acesso da Ponte a esta loja.`
          : `Desde ${since}, ${reason === "vendus" ? "a Vendus" : "a Jumpseller"} não responde.`,
    waiting: (n: number) =>
      n === 1
        ? "1 tarefa está à espera; nenhuma encomenda se perde."
        : `${n} tarefas estão à espera; nenhuma encomenda se perde.`,
    startedAdvice: (reason: WaitReason) =>
      reason === "vendus_key"
        ? "Cole uma chave de API da Vendus válida nas definições da loja: as faturas em espera são emitidas logo a seguir."
        : reason === "jumpseller_access"
          ? "Volte a ligar a loja à Jumpseller no painel: as tarefas em espera continuam logo a seguir."
          : "Não precisa de fazer nada: a Ponte verifica o serviço com intervalos crescentes e retoma sozinha, pela ordem de pagamento. Enviamos outro e-mail quando terminar.",
    endedSubject: (store: string, reason: WaitReason) =>
      reason === "vendus_key" || reason === "jumpseller_access"
        ? `Ponte: a loja ${store} voltou a estar ligada`
        : `Ponte: ${reason === "vendus" ? "a Vendus" : "a Jumpseller"} voltou a responder (${store})`,
    endedIntro: (since: string, until: string) => `A interrupção de ${since} terminou às ${until}.`,
    invoiced: (n: number) =>
      n === 1 ? "Desde o início, foi emitida 1 fatura." : `Desde o início, foram emitidas ${n} faturas.`,
    atRiskSubject: (store: string, n: number) =>
      `Ponte: ${n === 1 ? "1 encomenda perto" : `${n} encomendas perto`} do prazo legal de faturação (${store})`,
    atRiskIntro:
      "Estas encomendas pagas ainda não têm fatura e o prazo legal (5 dias úteis, art. 36.º do CIVA) termina em breve. A Ponte continua a tentar.",
    order: (n: string, deadline: string) => `Encomenda #${n} — prazo ${deadline}`,
    open: "Abrir o painel",
  },
  en: {
    startedSubject: (store: string, reason: WaitReason) =>
      reason === "vendus_key"
        ? `Ponte: Vendus refused the API key of ${store} — reconnect needed`
        : reason === "jumpseller_access"
          ? `Ponte: Jumpseller refused access to ${store} — reconnect needed`
          : `Ponte: ${reason === "vendus" ? "Vendus" : "Jumpseller"} is not answering (${store})`,
    startedIntro: (reason: WaitReason, since: string) =>
      reason === "vendus_key"
        ? `Since ${since}, Vendus refuses this store's API key.`
        : reason === "jumpseller_access"
          ? `Since ${since}, Jumpseller refuses Ponte's access to this store.`
          : `Since ${since}, ${reason === "vendus" ? "Vendus" : "Jumpseller"} has not been answering.`,
    waiting: (n: number) =>
      n === 1 ? "1 job is waiting; no order is lost." : `${n} jobs are waiting; no order is lost.`,
    startedAdvice: (reason: WaitReason) =>
      reason === "vendus_key"
        ? "Paste a valid Vendus API key in the store's settings: the waiting invoices are issued right after."
        : reason === "jumpseller_access"
          ? "Connect the store to Jumpseller again from the dashboard: the waiting jobs continue right after."
          : "Nothing to do: Ponte checks the service at growing intervals and resumes by itself, in payment order. We will e-mail again when it is over.",
    endedSubject: (store: string, reason: WaitReason) =>
      reason === "vendus_key" || reason === "jumpseller_access"
        ? `Ponte: ${store} is connected again`
        : `Ponte: ${reason === "vendus" ? "Vendus" : "Jumpseller"} is answering again (${store})`,
    endedIntro: (since: string, until: string) => `The interruption that began at ${since} ended at ${until}.`,
    invoiced: (n: number) =>
      n === 1 ? "Since it began, 1 invoice was issued." : `Since it began, ${n} invoices were issued.`,
    atRiskSubject: (store: string, n: number) =>
      `Ponte: ${n === 1 ? "1 order is" : `${n} orders are`} close to the legal invoicing deadline (${store})`,
    atRiskIntro:
      "These paid orders still have no invoice and their legal deadline (5 working days, CIVA art. 36) is close. Ponte keeps trying.",
    order: (n: string, deadline: string) => `Order #${n} — deadline ${deadline}`,
    open: "Open the dashboard",
  },
} as const;

function content(base: OutageEmailBase, props: OutageEmailProps) {
  const t = copy[base.locale];
  if (props.kind === "started") {
    return {
      subject: t.startedSubject(base.storeName, props.reason),
      lines: [
        t.startedIntro(props.reason, lisbonTime(props.since, base.locale)),
        t.waiting(props.waiting),
        t.startedAdvice(props.reason),
        ...(props.detail ? [props.detail] : []),
      ],
    };
  }
  if (props.kind === "ended") {
    return {
      subject: t.endedSubject(base.storeName, props.reason),
      lines: [
        t.endedIntro(lisbonTime(props.since, base.locale), lisbonTime(props.until, base.locale)),
        t.invoiced(props.invoiced),
      ],
    };
  }
  return {
    subject: t.atRiskSubject(base.storeName, props.orders.length),
    lines: [t.atRiskIntro, ...props.orders.map((o) => t.order(o.number, o.deadline))],
  };
}

export async function renderOutageEmail(base: OutageEmailBase, props: OutageEmailProps) {
  const { subject, lines } = content(base, props);
  const element = (
    <Html lang={base.locale}>
      <Preview>{subject}</Preview>
      <Body style={{ fontFamily: "system-ui, sans-serif", backgroundColor: "#f6f6f6" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h2">{subject}</Heading>
          <Section>
            {lines.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </Section>
          <Link href={base.dashboardUrl}>{copy[base.locale].open}</Link>
        </Container>
      </Body>
    </Html>
  );
  return { subject, html: await render(element), text: await render(element, { plainText: true }) };
}
