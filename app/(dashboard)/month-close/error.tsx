"use client";
import { ErrorState } from "@/components/ui/error-state";

export default function MonthCloseError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} />;
}
