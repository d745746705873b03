// GET /api/month-close/saft-zip/{bundleId}: the month's SAF-T of every store as one ZIP, once built in the
// background, streamed from the database a chunk at a time. Only for users who may export SAF-T and see every store in it; each download is audited.
import { Readable } from "node:stream";
import { userOrUnauthorized } from "@/lib/auth";
import { db } from "@/lib/db";
import { downloadBundle } from "@/lib/saft/bundle-access";

export async function GET(_request: Request, { params }: { params: Promise<{ bundleId: string }> }) {
  const auth = await userOrUnauthorized();
  if ("response" in auth) return auth.response;
  const { bundleId } = await params;
  const answer = await downloadBundle(db, auth.user, bundleId);
  if (answer.status !== 200) {
    return Response.json({ error: answer.error, message: answer.message }, { status: answer.status });
  }
  return new Response(Readable.toWeb(answer.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(answer.bytes),
      "Content-Disposition": `attachment; filename="${answer.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
