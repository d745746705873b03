import { useTranslations } from "next-intl";
import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton label={useTranslations("common")("loading")} />;
}
