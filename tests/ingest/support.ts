// The webhook tests' store: enabled, with Vendus set up, and the hooks token its deliveries are signed with.
import type { Db } from "@/lib/db";
import { connectStore } from "@/lib/stores";

export function connectHookStore(db: Db, store: { code: string; name: string; hooksToken: string }) {
  return connectStore(db, {
    code: store.code,
    settings: { name: store.name, enabled: true, vendusRegisterId: 101, vendusPaymentMethodId: 304 },
    jumpseller: { kind: "private", login: store.code, authtoken: "t".repeat(32) },
    hooksToken: store.hooksToken,
    vendusApiKey: "vendus-key-123456",
  });
}
