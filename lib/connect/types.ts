// What the connect functions answer. Expected failures are values with a stable code (translated by the
// pages) and an English message (for the CLI and logs); nothing here ever carries a secret.
export type ConnectErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "oauth_not_configured"
  | "access_denied"
  | "state_invalid"
  | "state_expired"
  | "state_wrong_user"
  | "code_refused"
  | "jumpseller_unavailable"
  | "hooks_failed"
  | "vendus_key_refused"
  | "vendus_unavailable"
  | "vendus_region_unsupported"
  | "vendus_key_missing";

export interface ConnectFailure {
  error: ConnectErrorCode;
  message: string;
  /** Field → error code, for forms. */
  fields?: Record<string, string>;
}

export const failure = (error: ConnectErrorCode, message: string, fields?: Record<string, string>): ConnectFailure =>
  fields ? { error, message, fields } : { error, message };

export const connectErrorMessages: Record<"unauthenticated" | "forbidden" | "not_found", string> = {
  unauthenticated: "Sign in first.",
  forbidden: "Only an admin can connect stores.",
  not_found: "There is no such store.",
};
