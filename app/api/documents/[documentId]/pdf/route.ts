// A document's PDF behind a signed link (no Ponte session needed; see lib/pipeline/pdf-link.ts).
import { fetchDocumentPdf } from "@/lib/pipeline/document-pdf";
import { pipelineServices } from "@/lib/pipeline/services";

export async function GET(request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const url = new URL(request.url);
  const answer = await fetchDocumentPdf(pipelineServices(), documentId, {
    exp: url.searchParams.get("exp"),
    sig: url.searchParams.get("sig"),
  });
  if (answer.status !== 200) return Response.json({ error: answer.error }, { status: answer.status });
  return new Response(Buffer.from(answer.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${answer.filename}"`,
      "Cache-Control": "private, max-age=3600",
      "X-Robots-Tag": "noindex",
    },
  });
}
