// The e-mail with a password-reset link, in the user's language: the link, how long it works, and what to do
// if the user did not ask for it.
import { Body, Container, Heading, Html, Link, Text, render } from "@react-email/components";
import type { EmailLocale } from "./job-failed-email";

export interface PasswordResetEmailProps {
  locale: EmailLocale;
  name: string;
  link: string;
  /** How long the link works, in hours. */
  hours: number;
  /** The admin who sent it, when it was not the user asking. */
  sentBy?: string | null;
}

const copy = {
  "pt-PT": {
    subject: "Ponte: definir uma nova palavra-passe",
    greeting: (name: string) => `Olá ${name},`,
    intro: (sentBy?: string | null) =>
      sentBy
        ? `${sentBy} enviou-lhe uma ligação para definir a sua palavra-passe no Ponte.`
        : "Recebemos um pedido para definir uma nova palavra-passe da sua conta no Ponte.",
    action: "Definir a palavra-passe",
    expiry: (hours: number) =>
      `A ligação funciona uma única vez, durante ${hours === 1 ? "1 hora" : `${hours} horas`}. Ao usá-la, todas as sessões abertas da conta terminam.`,
    ignore: "Se não fez este pedido, ignore esta mensagem: a sua palavra-passe não muda.",
  },
  en: {
    subject: "Ponte: set a new password",
    greeting: (name: string) => `Hello ${name},`,
    intro: (sentBy?: string | null) =>
      sentBy
        ? `${sentBy} sent you a link to set your Ponte password.`
        : "We received a request to set a new password for your Ponte account.",
    action: "Set the password",
    expiry: (hours: number) =>
      `The link works once, for ${hours === 1 ? "1 hour" : `${hours} hours`}. Using it ends every open session of the account.`,
    ignore: "If you did not ask for this, ignore this message: your password does not change.",
  },
} as const;

function PasswordResetEmail(props: PasswordResetEmailProps) {
  const t = copy[props.locale];
  return (
    <Html lang={props.locale}>
      <Body style={{ fontFamily: "system-ui, sans-serif", backgroundColor: "#f6f6f6" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h2">{t.subject}</Heading>
          <Text>{t.greeting(props.name)}</Text>
          <Text>{t.intro(props.sentBy)}</Text>
          <Text>
            <Link href={props.link}>{t.action}</Link>
          </Text>
          <Text style={{ wordBreak: "break-all", color: "#555555", fontSize: 12 }}>{props.link}</Text>
          <Text>{t.expiry(props.hours)}</Text>
          <Text style={{ color: "#666666", fontSize: 12 }}>{t.ignore}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export async function renderPasswordResetEmail(props: PasswordResetEmailProps) {
  const element = <PasswordResetEmail {...props} />;
  return {
    subject: copy[props.locale].subject,
    html: await render(element),
    text: await render(element, { plainText: true }),
  };
}
