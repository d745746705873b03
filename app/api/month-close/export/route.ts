// GET /api/month-close/export?month=YYYY-MM&format=csv|xlsx[&store=<id>]: the month's orders ↔ documents of
// one store or of every store the user sees, streamed from the database as it is read.
import { Readable } from "node:stream";
import { getTranslations } from "next-intl/server";
import { userOrUnauthorized } from "@/lib/auth";
import { db } from "@/lib/db";
import { openMonthExport } from "@/lib/month-close/export";
import type { ExportLabels } from "@/lib/month-close/export-files";

export async function GET(request: Request) {
  const auth = await userOrUnauthorized();
  if ("response" in auth) return auth.response;
  const t = await getTranslations({ locale: auth.user.locale, namespace: "monthClose.columns" });
  const labels: ExportLabels = {
    store: t("store"),
    orderNumber: t("orderNumber"),
    paidAt: t("paidAt"),
    customer: t("customer"),
    nif: t("nif"),
    country: t("country"),
    documentType: t("documentType"),
    documentNumber: t("documentNumber"),
    atcud: t("atcud"),
    documentDate: t("documentDate"),
    net: t("net"),
    vat: (rate) => t("vat", { rate }),
    gross: t("gross"),
    credited: t("credited"),
    paymentMethod: t("paymentMethod"),
  };
  const answer = await openMonthExport(db, auth.user, new URL(request.url).searchParams, labels);
  if (answer.status === 503) {
    return Response.json(
      { error: answer.error, message: answer.message },
      { status: 503, headers: { "Retry-After": String(answer.retryAfterSeconds) } },
    );
  }
  if (answer.status !== 200)
    return Response.json({ error: answer.error, message: answer.message }, { status: answer.status });
  return new Response(Readable.toWeb(answer.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": answer.contentType,
      "Content-Disposition": `attachment; filename="${answer.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
