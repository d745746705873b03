// What a server action answers. Expected failures are values the form can show; anything else throws.
export type ActionError =
  | "unauthenticated"
  | "not_found"
  | "forbidden"
  | "invalid"
  | "conflict"
  | "self_lockout"
  | "throttled"
  | "link_invalid"
  | "user_inactive"
  | "email_failed";

export type ActionResult = { ok: true } | { error: ActionError; fields?: Record<string, string> } | null;
