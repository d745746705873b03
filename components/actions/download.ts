"use client";
// Downloads a file from one of Ponte's routes without leaving the page, so that a refusal (Vendus down, a
// refused key) can be shown where the user clicked instead of replacing the page with an error body.

/** On failure: the route's error code, and the outside service's own words when it gave some. */
export type DownloadResult = { ok: true; filename: string } | { ok: false; error: string; detail: string };

function filenameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? fallback;
}

export async function downloadFrom(url: string, fallbackName: string): Promise<DownloadResult> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return { ok: false, error: "unknown", detail: "" };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; detail?: string };
    return { ok: false, error: body.error ?? "unknown", detail: body.detail ?? "" };
  }
  const filename = filenameOf(response, fallbackName);
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: objectUrl, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(objectUrl);
  return { ok: true, filename };
}
