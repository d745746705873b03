-- AlterEnum
ALTER TYPE "WaitReason" ADD VALUE 'behind_earlier_order';
