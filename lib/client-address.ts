// Which address a request really comes from, for the sign-in throttle and the webhook refusal log.
// X-Forwarded-For is a list that every proxy appends the address it saw to; whatever the client sent itself
// comes first and proves nothing. So the address is read from the right: the socket's peer, then one entry
// per proxy the operator trusts (PONTE_TRUSTED_PROXIES), and nothing further left.
//
// The socket address reaches the app through a header that Ponte's own server (scripts/start.ts) sets on every
// request, replacing any copy the client sent. Where the platform runs Next itself (Vercel), there is no such
// server: the platform's edge is the peer, unseen, and counts as the first trusted proxy.
import { isIP } from "node:net";

export const peerHeader = "x-ponte-peer";
const peerHeaderTrusted = Symbol.for("ponte.peerHeaderTrusted");

/** Called by Ponte's server before it serves anything: from then on, the peer header is its own. */
export function trustPeerHeader(): void {
  (globalThis as Record<symbol, unknown>)[peerHeaderTrusted] = true;
}

function isPeerHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[peerHeaderTrusted] === true;
}

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(",");
  return typeof value === "string" ? value : null;
}

/** A bare IP address ("::ffff:10.0.0.1" read as "10.0.0.1"), or null for anything else. */
export function normaliseAddress(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  const address =
    trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(address) ? address : null;
}

const unseen = Symbol("unseen peer");

/** The client's address given the number of trusted proxies in front of Ponte, or null when it cannot be known. */
export function clientAddress(headers: HeaderSource, trustedProxies: number): string | null {
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const peer = isPeerHeaderTrusted() ? header(headers, peerHeader) : null;
  const chain: (string | typeof unseen)[] = [...forwarded, peer ?? unseen];
  // Fewer entries than trusted proxies (a client that reached Ponte without passing them all): the left-most.
  const chosen = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  return chosen === unseen ? null : normaliseAddress(chosen);
}
