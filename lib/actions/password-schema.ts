// A new password, typed twice: the rule every password form shares (change, reset).
import { z } from "zod";

const passwordFields = {
  password: z.string().min(10, "password_too_short").max(200),
  confirm: z.string().max(200),
};

/** A password form's fields as sent: the new password twice, and the field that proves who asks (extra). */
export function readPasswordForm<Extra extends string>(form: FormData, extra: Extra) {
  return {
    [extra]: form.get(extra),
    password: form.get("password"),
    confirm: form.get("confirm"),
  } as Record<Extra | "password" | "confirm", FormDataEntryValue | null>;
}

export function newPasswordSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  return z
    .object({ ...extra, ...passwordFields })
    .refine((value) => (value as { password: string }).password === (value as { confirm: string }).confirm, {
      path: ["confirm"],
      message: "passwords_differ",
    });
}
