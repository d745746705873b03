// A compact reading of an audit event's details: "field: before → after" for changes, "key: value" otherwise.
function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "∅";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function auditDetailLines(details: unknown): string[] {
  if (!isRecord(details)) return [];
  if (isRecord(details.changed)) {
    return Object.entries(details.changed).map(([field, change]) =>
      isRecord(change) ? `${field}: ${show(change.from)} → ${show(change.to)}` : `${field}: ${show(change)}`,
    );
  }
  if (isRecord(details.from) && isRecord(details.to)) {
    const from = details.from;
    const to = details.to;
    return Object.keys(to)
      .filter((key) => show(from[key]) !== show(to[key]))
      .map((key) => `${key}: ${show(from[key])} → ${show(to[key])}`);
  }
  return Object.entries(details).map(([key, value]) => `${key}: ${show(value)}`);
}

export function AuditDetails({ details }: { details: unknown }) {
  const lines = auditDetailLines(details);
  if (lines.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className="max-w-md space-y-0.5 font-mono text-xs text-zinc-600">
      {lines.slice(0, 8).map((line) => (
        <li key={line} className="truncate" title={line}>
          {line}
        </li>
      ))}
    </ul>
  );
}
