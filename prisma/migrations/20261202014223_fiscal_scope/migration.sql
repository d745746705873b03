-- CreateEnum
CREATE TYPE "InvalidVatNumberPolicy" AS ENUM ('refuse', 'consumer');

-- CreateEnum
CREATE TYPE "ShippingVatMode" AS ENUM ('as_charged', 'follow_goods');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "invoiceWarnings" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "viesCheck" JSONB;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "invalidVatNumberPolicy" "InvalidVatNumberPolicy" NOT NULL DEFAULT 'refuse',
ADD COLUMN     "shippingVat" "ShippingVatMode" NOT NULL DEFAULT 'as_charged',
ADD COLUMN     "viesCheck" BOOLEAN NOT NULL DEFAULT false;
