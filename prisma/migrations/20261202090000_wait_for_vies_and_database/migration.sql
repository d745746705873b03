-- AlterEnum
ALTER TYPE "WaitReason" ADD VALUE 'vies';
ALTER TYPE "WaitReason" ADD VALUE 'database';
