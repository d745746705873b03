-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'accountant', 'merchant');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('FT', 'FR', 'FS', 'NC');

-- CreateEnum
CREATE TYPE "JumpsellerAuth" AS ENUM ('oauth', 'private');

-- CreateEnum
CREATE TYPE "InvalidNifPolicy" AS ENUM ('refuse', 'consumidor_final');

-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('invoice_order', 'credit_note', 'sync_product', 'sync_stock');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('waiting_dispatch', 'queued', 'running', 'succeeded', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "ErrorKind" AS ENUM ('auth', 'validation', 'not_found', 'rate_limited', 'transient', 'conflict', 'refused', 'internal');

-- CreateEnum
CREATE TYPE "InvoiceState" AS ENUM ('not_paid', 'pending', 'invoiced', 'failed', 'credit_note_suggested', 'credited');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "allStores" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'pt-PT',
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreAccess" (
    "userId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,

    CONSTRAINT "StoreAccess_pkey" PRIMARY KEY ("userId","storeId")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Store" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "oss" BOOLEAN NOT NULL DEFAULT false,
    "vendusRegisterId" INTEGER,
    "documentType" "DocumentType" NOT NULL DEFAULT 'FR',
    "vendusPaymentMethodId" INTEGER,
    "paymentMethodMap" JSONB,
    "defaultVatRate" DECIMAL(5,2) NOT NULL DEFAULT 23,
    "testMode" BOOLEAN NOT NULL DEFAULT true,
    "exemptionCode" TEXT,
    "exemptionLaw" TEXT,
    "invalidNifPolicy" "InvalidNifPolicy" NOT NULL DEFAULT 'refuse',
    "nifFieldLabel" TEXT,
    "shippingTitle" TEXT NOT NULL DEFAULT 'Portes de envio',
    "autoCreditNote" BOOLEAN NOT NULL DEFAULT false,
    "notificationEmails" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "vendusRegion" TEXT NOT NULL DEFAULT 'PT',
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Lisbon',
    "reconcileCursor" INTEGER NOT NULL DEFAULT 0,
    "lastReconciledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Store_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreCredential" (
    "storeId" TEXT NOT NULL,
    "jumpsellerAuth" "JumpsellerAuth" NOT NULL,
    "jumpsellerLogin" TEXT,
    "jumpsellerTokenEnc" TEXT,
    "accessTokenEnc" TEXT,
    "refreshTokenEnc" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "hooksTokenEnc" TEXT,
    "vendusApiKeyEnc" TEXT NOT NULL,
    "vendusKeyHint" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreCredential_pkey" PRIMARY KEY ("storeId")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "triggeredAt" TEXT,
    "matchedKey" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jobId" TEXT,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejectedDelivery" (
    "id" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "storeCode" TEXT,
    "storeId" TEXT,
    "event" TEXT,
    "reason" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "bodyBytes" INTEGER NOT NULL,
    "remoteAddr" TEXT,

    CONSTRAINT "RejectedDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "kind" "JobKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'waiting_dispatch',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dispatchCount" INTEGER NOT NULL DEFAULT 0,
    "payload" JSONB,
    "lastErrorKind" "ErrorKind",
    "lastErrorCode" TEXT,
    "lastErrorMessage" TEXT,
    "inngestEventId" TEXT,
    "inngestRunId" TEXT,
    "requestedById" TEXT,
    "dispatchedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "orderId" TEXT,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "jumpsellerId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "invoiceState" "InvoiceState" NOT NULL DEFAULT 'pending',
    "customerName" TEXT,
    "customerEmail" TEXT,
    "nif" TEXT,
    "country" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "totalCents" INTEGER NOT NULL,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "orderId" TEXT,
    "invoiceForOrderId" TEXT,
    "type" "DocumentType" NOT NULL,
    "vendusId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "atcud" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'normal',
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "amountGrossCents" INTEGER NOT NULL,
    "amountNetCents" INTEGER NOT NULL,
    "externalReference" TEXT NOT NULL,
    "txId" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    "taxes" JSONB NOT NULL,
    "reason" TEXT,
    "creditsId" TEXT,
    "attachedToOrderAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductMapping" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "jumpsellerProductId" INTEGER NOT NULL,
    "jumpsellerVariantId" INTEGER NOT NULL DEFAULT 0,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "vendusProductId" INTEGER NOT NULL,
    "lastStock" INTEGER,
    "stockUnlimited" BOOLEAN NOT NULL DEFAULT false,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "storeId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "window" TIMESTAMP(3) NOT NULL,
    "jobIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sentAt" TIMESTAMP(3),
    "messageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "StoreAccess_storeId_idx" ON "StoreAccess"("storeId");

-- CreateIndex
CREATE UNIQUE INDEX "Store_code_key" ON "Store"("code");

-- CreateIndex
CREATE INDEX "WebhookDelivery_storeId_receivedAt_idx" ON "WebhookDelivery"("storeId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_storeId_event_resourceId_state_key" ON "WebhookDelivery"("storeId", "event", "resourceId", "state");

-- CreateIndex
CREATE INDEX "RejectedDelivery_receivedAt_idx" ON "RejectedDelivery"("receivedAt");

-- CreateIndex
CREATE INDEX "RejectedDelivery_storeId_receivedAt_idx" ON "RejectedDelivery"("storeId", "receivedAt");

-- CreateIndex
CREATE INDEX "Job_status_updatedAt_idx" ON "Job"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Job_storeId_status_updatedAt_idx" ON "Job"("storeId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Job_orderId_idx" ON "Job"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Job_storeId_kind_subject_key" ON "Job"("storeId", "kind", "subject");

-- CreateIndex
CREATE INDEX "Order_storeId_orderedAt_id_idx" ON "Order"("storeId", "orderedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Order_orderedAt_id_idx" ON "Order"("orderedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Order_invoiceState_orderedAt_idx" ON "Order"("invoiceState", "orderedAt" DESC);

-- CreateIndex
CREATE INDEX "Order_storeId_invoiceState_orderedAt_idx" ON "Order"("storeId", "invoiceState", "orderedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Order_storeId_jumpsellerId_key" ON "Order"("storeId", "jumpsellerId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_invoiceForOrderId_key" ON "Document"("invoiceForOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_txId_key" ON "Document"("txId");

-- CreateIndex
CREATE INDEX "Document_storeId_issuedAt_idx" ON "Document"("storeId", "issuedAt" DESC);

-- CreateIndex
CREATE INDEX "Document_orderId_idx" ON "Document"("orderId");

-- CreateIndex
CREATE INDEX "Document_creditsId_idx" ON "Document"("creditsId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storeId_vendusId_key" ON "Document"("storeId", "vendusId");

-- CreateIndex
CREATE INDEX "ProductMapping_storeId_reference_idx" ON "ProductMapping"("storeId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "ProductMapping_storeId_jumpsellerProductId_jumpsellerVarian_key" ON "ProductMapping"("storeId", "jumpsellerProductId", "jumpsellerVariantId");

-- CreateIndex
CREATE INDEX "AuditEvent_storeId_at_idx" ON "AuditEvent"("storeId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_storeId_window_key" ON "Notification"("storeId", "window");

-- AddForeignKey
ALTER TABLE "StoreAccess" ADD CONSTRAINT "StoreAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreAccess" ADD CONSTRAINT "StoreAccess_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreCredential" ADD CONSTRAINT "StoreCredential_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_creditsId_fkey" FOREIGN KEY ("creditsId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductMapping" ADD CONSTRAINT "ProductMapping_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
