// GET /api/stores/{storeId}/saft?year=YYYY&month=M: the store's SAF-T (PT) XML for that month, as a download.
import { userOrUnauthorized } from "@/lib/auth";
import { exportSaft } from "@/lib/saft/export";

export async function GET(request: Request, { params }: { params: Promise<{ storeId: string }> }) {
  const auth = await userOrUnauthorized();
  if ("response" in auth) return auth.response;
  const { storeId } = await params;
  const answer = await exportSaft(auth.user, storeId, new URL(request.url).searchParams);
  if (answer.status !== 200) {
    return Response.json(
      { error: answer.error, message: answer.message, detail: answer.detail },
      { status: answer.status },
    );
  }
  return new Response(answer.xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${answer.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
