// The last thing `npm run demo` prints: where Ponte runs, who can sign in, what the shop did.
import type { RecordedEmail } from "../../simulators/resend";

export interface DemoSummary {
  appUrl: string;
  users: { role: string; email: string }[];
  password: string;
  liveStore: string;
  ready: boolean;
  paid: number;
  invoices: number;
  emails: RecordedEmail[];
  vendusUrl: string;
  jumpseller: { url: string; authUrl: string };
  inngestUrl: string;
  seconds: number;
}

export function summary(s: DemoSummary): string {
  const mails = s.emails.map(
    (m) =>
      `  To ${m.to.join(", ")}: ${m.subject}\n    ${m.text.split("\n").filter(Boolean).slice(0, 4).join("\n    ")}`,
  );
  return `
Ponte is running at ${s.appUrl}   (started in ${s.seconds} s)

Sign in with any of these (password: ${s.password}):
${s.users.map((u) => `  ${u.role.padEnd(10)} ${u.email}`).join("\n")}

The live demo store "${s.liveStore}" is ${s.ready ? "ready to invoice" : "NOT ready to invoice (see its page)"}; it received ${s.paid} paid orders, and the Vendus simulator now holds ${s.invoices} invoice(s).
One order was paid with an invalid NIF: its job failed, and this e-mail explained why:
${mails.join("\n") || "  (no e-mail yet)"}

  Vendus simulator      ${s.vendusUrl}   (control: ${s.vendusUrl.replace(/\/ws\/v1\.1\/$/, "")}/__control/)
  Jumpseller simulator  ${s.jumpseller.url}   (control: ${s.jumpseller.authUrl}/__control/)
  Inngest runs          ${s.inngestUrl}/stand-in/runs

Pay another order:  curl -s -X POST ${s.jumpseller.authUrl}/__control/orders/<id>/pay
Stop with Ctrl+C.`;
}
