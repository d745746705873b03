// Jumpseller's timestamps: "2023-02-10 13:56:35 UTC" on resources (ISO is accepted too).

/** "2023-02-10 13:56:35 UTC" (or ISO) → Date; null when absent or unreadable. */
export function parseJumpsellerTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const iso = value.trim().replace(" UTC", "Z").replace(" ", "T");
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
