"use client";
// A link to a file route that downloads in place and shows why when it cannot. Without JavaScript it is an
// ordinary link to the same route.
import { type ReactNode, useState, useTransition } from "react";
import { ActionStatus, type ActionStatusMessage } from "./action-status";
import { downloadFrom } from "./download";
import { useErrorMessage } from "./error-message";

export function DownloadLink({
  href,
  fallbackName,
  errors,
  label,
  className,
  children,
}: {
  href: string;
  fallbackName: string;
  /** The messages namespace with one message per error code the route answers, and "unknown". */
  errors: "actions.pdf.errors" | "actions.saft.errors";
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const errorMessage = useErrorMessage(errors);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<ActionStatusMessage>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <a
        href={href}
        className={className}
        aria-label={label}
        aria-busy={isPending || undefined}
        onClick={(event) => {
          event.preventDefault();
          setMessage(null);
          startTransition(async () => {
            const result = await downloadFrom(href, fallbackName);
            if (!result.ok) setMessage({ tone: "error", text: errorMessage(result.error, result.detail) });
          });
        }}
      >
        {children}
      </a>
      <ActionStatus message={message} className="max-w-xs" />
    </span>
  );
}
