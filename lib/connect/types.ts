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
  | "hooks_failed"
  | "vendus_region_unsupported"
  | "vendus_key_missing"
  // A service that refused or did not answer: translated by the `serviceErrors` messages (lib/service-errors.ts).
  | "jumpseller_unavailable"
  | "vendus_auth"
  | "vendus_unavailable";

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
