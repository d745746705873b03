// A document's PDF behind a signed link (no Ponte session needed; see lib/pipeline/pdf-link.ts).
import { clientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { fetchDocumentPdf } from "@/lib/pipeline/document-pdf";
import { pipelineServices } from "@/lib/pipeline/services";

export async function GET(request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const url = new URL(request.url);
  const answer = await fetchDocumentPdf(pipelineServices(), documentId, {
    exp: url.searchParams.get("exp"),
    sig: url.searchParams.get("sig"),
    remoteAddr: clientAddress(request.headers, getEnv().PONTE_TRUSTED_PROXIES),
  });
  if (answer.status === 429) {
    return Response.json(
      { error: answer.error },
      { status: 429, headers: { "Retry-After": String(answer.retryAfterSeconds) } },
    );
  }
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
