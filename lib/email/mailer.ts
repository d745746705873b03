// Sending e-mail. Resend answers `{ data, error }` instead of throwing; this wrapper throws on `error`, so a
// failed send fails the step that asked for it and Inngest retries it. Without RESEND_API_KEY the message
// is written to the log instead (development, or an operator who has not set up e-mail yet).
import { Resend } from "resend";
import { getEnv } from "@/lib/env";
import { ServiceError } from "@/lib/errors";

export interface EmailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Resend drops a second send with the same key (24 h), so a retried step does not send twice. */
  idempotencyKey?: string;
}

export type SendEmail = (message: EmailMessage) => Promise<{ id: string | null; logged: boolean }>;

export const sendEmail: SendEmail = async (message) => {
  const env = getEnv();
  if (!env.RESEND_API_KEY) {
    console.info(
      `[email not sent: RESEND_API_KEY is not set]\nTo: ${message.to.join(", ")}\nSubject: ${message.subject}\n\n${message.text}`,
    );
    return { id: null, logged: true };
  }
  // Built per message: Resend reads RESEND_BASE_URL when constructed.
  const resend = new Resend(env.RESEND_API_KEY);
  const { data, error } = await resend.emails.send(
    { from: env.EMAIL_FROM, to: message.to, subject: message.subject, html: message.html, text: message.text },
    message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
  );
  if (error) {
    const status = (error as { statusCode?: number | null }).statusCode ?? undefined;
    throw new ServiceError({
      service: "resend",
      kind: status === 429 || status === undefined || status >= 500 ? "transient" : "validation",
      status,
      code: error.name,
      message: `Resend refused the e-mail: ${error.message}`,
    });
  }
  return { id: data?.id ?? null, logged: false };
};
