// An error code from a route, an action or a redirect, as a message in the user's language: a service that
// refused or did not answer (lib/service-errors.ts) in the words of `serviceErrors`, anything else in the words
// of the place where it happened, and that place's "unknown" when neither knows the code.
import { useTranslations } from "next-intl";

type Words = ((key: string, values?: Record<string, string>) => string) & { has(key: string): boolean };
export type ErrorMessage = (code: string, detail?: string) => string;

/** From two translators: `serviceErrors`, and the namespace of the place (with its "unknown"). */
export function errorMessageFrom(serviceErrors: unknown, place: unknown): ErrorMessage {
  const service = serviceErrors as Words;
  const own = place as Words;
  return (code, detail = "") => {
    if (service.has(code)) return service(code, { detail });
    return own.has(code) ? own(code, { detail }) : own("unknown");
  };
}

/** In a client component; an async server component passes getTranslations' answers to errorMessageFrom. */
export function useErrorMessage(place: "actions.pdf.errors" | "actions.saft.errors" | "connect.errors"): ErrorMessage {
  return errorMessageFrom(useTranslations("serviceErrors"), useTranslations(place));
}
