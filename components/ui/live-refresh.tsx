"use client";
// Keeps a server-rendered list current while something it shows is in flight: the page's data is read again
// a few seconds after the last reading finished (router.refresh keeps client state such as a selection), and
// not at all once nothing is queued or running, or while the tab is hidden. One reading at a time: the router
// runs refreshes and server actions one after another, so readings that piled up on a slow server would
// hold back a retry the user just clicked.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";

export function LiveRefresh({ active, intervalMs = 4_000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  const [isRefreshing, startTransition] = useTransition();
  // Counts the waits, so that the next one starts even when a reading was skipped (hidden tab).
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!active || isRefreshing) return;
    const timer = setTimeout(() => {
      if (document.visibilityState === "visible") startTransition(() => router.refresh());
      setRound((n) => n + 1);
    }, intervalMs);
    return () => clearTimeout(timer);
  }, [active, isRefreshing, intervalMs, router, round]);
  return null;
}
