// Account-level reads: the company, its registers and stores, and the reference tables Ponte shows in settings.
import type { Transport } from "./http";
import { getOne, listAll } from "./calls";
import type {
  VendusAccount,
  VendusDocumentType,
  VendusExemption,
  VendusPaymentMethod,
  VendusRegister,
  VendusStore,
  VendusTax,
} from "./models";
import {
  accountSchema,
  documentTypeSchema,
  exemptionSchema,
  paymentMethodSchema,
  registerSchema,
  storeSchema,
  taxSchema,
} from "./schemas";

export interface VendusAccountApi {
  getAccount(): Promise<VendusAccount>;
  /** Read-only: Ponte never opens or closes a register (no POST /registers/movements/). */
  listRegisters(filter?: { storeId?: number; type?: string }): Promise<VendusRegister[]>;
  listStores(): Promise<VendusStore[]>;
  listTaxes(): Promise<VendusTax[]>;
  listExemptions(): Promise<VendusExemption[]>;
  listPaymentMethods(): Promise<VendusPaymentMethod[]>;
  /** With visibleFinalize: the types the account may issue (GET /documents/types/?visible_finalize=yes). */
  listDocumentTypes(filter?: { visibleFinalize?: boolean }): Promise<VendusDocumentType[]>;
}

export function accountApi(t: Transport): VendusAccountApi {
  return {
    getAccount: () => getOne(t, "account/", accountSchema),
    listRegisters: (filter = {}) =>
      listAll(t, "registers/", registerSchema, { store_id: filter.storeId, type: filter.type }),
    listStores: () => listAll(t, "stores/", storeSchema),
    listTaxes: () => listAll(t, "taxes/", taxSchema),
    listExemptions: () => listAll(t, "taxes/exemptions/", exemptionSchema),
    listPaymentMethods: () => listAll(t, "documents/paymentmethods/", paymentMethodSchema),
    listDocumentTypes: (filter = {}) =>
      listAll(t, "documents/types/", documentTypeSchema, {
        visible_finalize: filter.visibleFinalize ? "yes" : undefined,
      }),
  };
}
