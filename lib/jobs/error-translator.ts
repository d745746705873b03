// describeJobError outside a page (tests, the CLI, e-mails): a translator over one locale's messages.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import english from "@/messages/en.json";
import type { MessageLookup } from "./error-messages";

export function jobErrorTranslator(messages: AbstractIntlMessages = english, locale = "en"): MessageLookup {
  return createTranslator({ locale, messages }) as unknown as MessageLookup;
}
