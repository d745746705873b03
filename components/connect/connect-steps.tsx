"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useErrorMessage } from "@/components/actions/error-message";
import { Card, CardHeader } from "@/components/ui/card";
import { saveVendusKeyAction } from "@/lib/actions/connect";
import type { ConnectStore } from "@/lib/connect/data";
import type { ConnectErrorCode } from "@/lib/connect/types";
import type { SetupOptions } from "@/lib/connect/vendus-key";
import { StoreSetupForm } from "./store-setup-form";
import { VendusKeyForm } from "./vendus-key-form";

/** Step 1 (the Vendus key) unlocks step 2 (register, document type…) with the lists the key gave access to. */
export function ConnectSteps({
  store,
  initialOptions,
  optionsError,
}: {
  store: ConnectStore;
  initialOptions: SetupOptions | null;
  optionsError: ConnectErrorCode | null;
}) {
  const t = useTranslations("connect");
  const errorMessage = useErrorMessage("connect.errors");
  const [keyState, keyAction, isSavingKey] = useActionState(saveVendusKeyAction.bind(null, store.id), null);
  const accepted = keyState && "ok" in keyState ? keyState : null;
  const options = accepted ?? initialOptions;
  const listsError = accepted ? null : optionsError;

  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <Card className="self-start lg:col-span-2">
        <CardHeader title={`${t("key.step")} · ${t("key.title")}`} description={t("key.description")} />
        <VendusKeyForm
          hint={accepted?.hint ?? store.vendusKeyHint}
          state={keyState}
          action={keyAction}
          isPending={isSavingKey}
        />
      </Card>
      <Card className="lg:col-span-3">
        <CardHeader title={`${t("setup.step")} · ${t("setup.title")}`} description={t("setup.description")} />
        {options ? (
          // Remounted when a new key brings other lists, so the defaults follow them.
          <StoreSetupForm key={options.hint} store={store} options={options} />
        ) : (
          <p
            role={listsError ? "alert" : undefined}
            className={listsError ? "px-4 py-4 text-sm text-red-700" : "px-4 py-4 text-sm text-zinc-500"}
          >
            {listsError ? errorMessage(listsError) : t("setup.needsKey")}
          </p>
        )}
      </Card>
    </div>
  );
}
