import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";

/** The frame of the signed-out pages: the logo, a title, a card, the language switch. */
export function AuthShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <span className="flex size-10 items-center justify-center rounded-lg bg-teal-700 text-lg font-bold text-white">
            P
          </span>
          <h1 className="mt-4 text-xl font-semibold tracking-tight">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-zinc-500">{subtitle}</p> : null}
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-xs">{children}</div>
        <div className="mt-6 flex justify-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
