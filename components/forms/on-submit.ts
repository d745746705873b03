"use client";
import { type FormEvent, startTransition } from "react";

/**
 * Submits a form to a useActionState action without React's automatic form reset, so that a refused
 * submission keeps what the user typed next to the error messages.
 */
export function onSubmitTo(action: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
}
