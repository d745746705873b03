import type { ReactNode } from "react";
import { EnabledBadge } from "@/components/status-badges";
import { StoreNameLink } from "@/components/stores/store-name-link";
import { Td } from "@/components/ui/table";

/**
 * A store row's first two cells: its name (linking to its page), then whether it invoices, with any further
 * badges beside that one and any details below.
 */
export function StoreStatusCells({
  store,
  testId,
  badges,
  children,
}: {
  store: { id: string; name: string; code: string; enabled: boolean; testMode: boolean };
  testId: string;
  badges?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <Td>
        <StoreNameLink store={store} testId={testId} />
      </Td>
      <Td>
        <span className="inline-flex flex-wrap gap-1">
          <EnabledBadge enabled={store.enabled} testMode={store.testMode} />
          {badges}
        </span>
        {children}
      </Td>
    </>
  );
}
