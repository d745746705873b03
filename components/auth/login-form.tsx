"use client";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { formatTime } from "@/lib/format";
import { safeCallbackPath } from "@/lib/safe-redirect";

function useErrorMessage() {
  const t = useTranslations("login");
  const locale = useLocale();
  return (code: string): string => {
    if (code.startsWith("locked:")) {
      const until = new Date(code.slice("locked:".length));
      if (!Number.isNaN(until.getTime())) return t("locked", { time: formatTime(until, locale) });
    }
    return code === "CredentialsSignin" ? t("invalid") : t("failed");
  };
}

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("login");
  const message = useErrorMessage();
  const [error, setError] = useState<string | null>(initialError ? message(initialError) : null);
  const [isPending, startTransition] = useTransition();

  // onSubmit rather than a form action: a failed attempt keeps what was typed in the e-mail field.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full load, so that the dashboard renders with the new session and the user's language.
        // Checked again here against the page's own origin, whatever the server passed.
        window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
        return;
      }
      setError(message(result?.error ?? "failed"));
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label={t("email")} htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label={t("password")} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <FormError>{error}</FormError>
      <Button type="submit" variant="primary" className="w-full" disabled={isPending}>
        {isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
