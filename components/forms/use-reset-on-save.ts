"use client";
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { onSubmitTo } from "./on-submit";
import { useFormMessages } from "./use-form-messages";

/**
 * A form for something new (a user, a password) whose fields empty once it is saved, and keep what was
 * typed when it is refused. Spread `formProps` on the form.
 */
export function useResetOnSave(submit: (previous: ActionResult, form: FormData) => Promise<ActionResult>) {
  const [state, action, isPending] = useActionState(submit, null);
  const messages = useFormMessages(state);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (messages.saved) ref.current?.reset();
  }, [messages.saved, state]);
  return { ...messages, isPending, formProps: { ref, onSubmit: onSubmitTo(action) } };
}
