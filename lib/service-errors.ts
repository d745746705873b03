// One vocabulary for a failed call to an outside service, wherever a person meets it: the SAF-T export, the
// PDF download, the Vendus-key form, the store installation and the pipeline's job errors. A failure is a
// stable code, `<service>_<reason>`, and the service's own words; the `serviceErrors` messages (messages/*.json)
// turn it into a sentence in the reader's language: the dashboard with its own translations, the API answers,
// the CLI, logs and job errors in English (describeServiceFailure).
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import english from "@/messages/en.json";
import { isServiceError, type ServiceError, type ServiceName } from "./errors";

/** auth: the service refused Ponte's credentials; unavailable: it did not answer (yet); error: it refused the request. */
export type ServiceFailureReason = "auth" | "unavailable" | "error";
export type ServiceFailureCode<S extends ServiceName = ServiceName> = `${S}_${ServiceFailureReason}`;

export interface ServiceFailure<S extends ServiceName = ServiceName> {
  code: ServiceFailureCode<S>;
  /** The service's own words, quoted inside the message of a refused request. */
  detail: string;
}

/** The failure an error stands for, or null when it is not a service's answer (a bug, a database error). */
export function serviceFailure(error: ServiceError): ServiceFailure;
export function serviceFailure(error: unknown): ServiceFailure | null;
export function serviceFailure(error: unknown): ServiceFailure | null {
  if (!isServiceError(error)) return null;
  const reason: ServiceFailureReason = error.kind === "auth" ? "auth" : error.isRetriable ? "unavailable" : "error";
  return { code: `${error.service}_${reason}`, detail: error.message };
}

/** serviceFailure of a call to one service: null for anything else, which the caller throws again. */
export function failureOf<S extends ServiceName>(service: S, error: unknown): ServiceFailure<S> | null {
  return isServiceError(error) && error.service === service ? (serviceFailure(error) as ServiceFailure<S>) : null;
}

/** A route's answer when the service it asked failed: the code, the English message and the service's words. */
export function failureAnswer<S extends ServiceName>(failure: ServiceFailure<S>) {
  return {
    status: 502,
    error: failure.code,
    message: describeServiceFailure(failure),
    detail: failure.detail,
  } as const;
}

/** The failure in words: in English unless other messages (and their locale) are given. */
export function describeServiceFailure(
  failure: ServiceFailure,
  messages: AbstractIntlMessages = english,
  locale = "en",
): string {
  // Loosely typed: some messages quote the detail and some do not, and the code is known only at run time.
  const t = createTranslator({ locale, messages, namespace: "serviceErrors" }) as unknown as (
    key: string,
    values: { detail: string },
  ) => string;
  return t(failure.code, { detail: failure.detail });
}
