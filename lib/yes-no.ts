// "Yes" or "no" as forms and the command line say it: a checked checkbox sends "on" (an unchecked one sends
// nothing), the CLI takes yes/no, true/false, on/off or 1/0. One list, so the three readers cannot drift.
const yes = ["on", "true", "yes", "1"];
const no = ["off", "false", "no", "0"];

/** true or false for a word that says it (any case, trimmed); undefined for anything else. */
export function readYesNo(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  return yes.includes(word) ? true : no.includes(word) ? false : undefined;
}
