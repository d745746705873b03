import { ErrorKindBadge } from "@/components/status-badges";
import type { ErrorKind } from "@/lib/generated/prisma/enums";

/** A job's last error: its class (decides retry or not), the service's code and the message. */
export function JobError({ kind, code, message }: { kind: ErrorKind | null; code: string | null; message: string | null }) {
  if (!kind && !message) return <span className="text-zinc-400">—</span>;
  return (
    <div className="max-w-md space-y-1">
      <div className="flex items-center gap-1.5">
        {kind ? <ErrorKindBadge kind={kind} /> : null}
        {code ? <span className="font-mono text-xs text-zinc-500">{code}</span> : null}
      </div>
      {message ? <p className="text-xs text-zinc-700">{message}</p> : null}
    </div>
  );
}
