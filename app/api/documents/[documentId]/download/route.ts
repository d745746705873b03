// GET /api/documents/{id}/download: the document's PDF for the signed-in user (see lib/documents/pdf-download.ts).
import { userOrUnauthorized } from "@/lib/auth";
import { downloadDocumentPdf } from "@/lib/documents/pdf-download";

export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const auth = await userOrUnauthorized();
  if ("response" in auth) return auth.response;
  const { documentId } = await params;
  const answer = await downloadDocumentPdf(auth.user, documentId);
  if (answer.status !== 200) {
    return Response.json(
      { error: answer.error, message: answer.message, detail: answer.detail },
      { status: answer.status },
    );
  }
  return new Response(Buffer.from(answer.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${answer.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
