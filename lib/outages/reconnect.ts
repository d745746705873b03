// Refused credentials are not an outage: the store waits for a person ("reconnect needed") and resumes when
// it is reconnected — a new Vendus API key saved, or the Jumpseller app authorised again.
import type { Db } from "@/lib/db";
import type { WaitReason } from "@/lib/generated/prisma/enums";
import type { SendEvents } from "@/lib/jobs/dispatch";
import { releaseParkedJobs } from "./park";

export type CredentialReason = Extract<WaitReason, "vendus_key" | "jumpseller_access">;

/** Ends the store's "reconnect needed" for this credential and sends its waiting jobs again, in payment order. */
export async function resumeAfterReconnect(
  db: Db,
  storeId: string,
  reason: CredentialReason,
  options: { send?: SendEvents; now?: Date } = {},
): Promise<{ resumed: number }> {
  await db.outage.updateMany({
    where: { storeId, reason, endedAt: null },
    data: { endedAt: options.now ?? new Date() },
  });
  const released = await releaseParkedJobs(db, { storeId, waitingFor: reason }, options.send);
  return { resumed: released.sent.length };
}
