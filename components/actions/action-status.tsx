"use client";
import { cn } from "@/components/ui/cn";

export type ActionStatusMessage = { tone: "success" | "error" | "info"; text: string } | null;

/** A short confirmation or error next to the control that caused it, announced to screen readers. */
export function ActionStatus({ message, className }: { message: ActionStatusMessage; className?: string }) {
  if (!message) return null;
  return (
    <span
      role={message.tone === "error" ? "alert" : "status"}
      className={cn(
        "text-xs font-medium",
        message.tone === "error" ? "text-red-700" : message.tone === "success" ? "text-emerald-700" : "text-zinc-600",
        className,
      )}
    >
      {message.text}
    </span>
  );
}
