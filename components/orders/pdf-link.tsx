import { useTranslations } from "next-intl";
import { DownloadLink } from "@/components/actions/download-link";
import { buttonClass } from "@/components/ui/button";
import { pdfFilename } from "@/lib/documents/pdf-filename";

/** The document's PDF through Ponte's own route: Vendus needs the store's API key, so it is never linked. */
export function PdfLink({ documentId, number }: { documentId: string; number: string }) {
  const t = useTranslations("actions.pdf");
  return (
    <DownloadLink
      href={`/api/documents/${documentId}/download`}
      fallbackName={pdfFilename(number)}
      errors="actions.pdf.errors"
      label={t("label", { number })}
      className={buttonClass("secondary", "sm")}
    >
      <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.7" className="size-3.5" aria-hidden>
        <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14.5V16h12v-1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {t("link")}
    </DownloadLink>
  );
}
