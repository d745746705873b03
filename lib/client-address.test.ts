import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, peerHeader, trustPeerHeader } from "./client-address";

const trusted = Symbol.for("ponte.peerHeaderTrusted");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[trusted];
});

const request = (xff: string | null, peer: string | null) =>
  new Headers({ ...(xff !== null ? { "x-forwarded-for": xff } : {}), ...(peer ? { [peerHeader]: peer } : {}) });

describe("clientAddress behind Ponte's own server (the socket address is known)", () => {
  it.each([
    // [X-Forwarded-For as received, socket peer, trusted proxies, expected]
    [null, "198.51.100.7", 0, "198.51.100.7"],
    ["203.0.113.5", "198.51.100.7", 0, "198.51.100.7"],
    ["203.0.113.5, 6.6.6.6", "198.51.100.7", 0, "198.51.100.7"],
    ["203.0.113.5", "10.0.0.2", 1, "203.0.113.5"],
    ["6.6.6.6, 203.0.113.5", "10.0.0.2", 1, "203.0.113.5"],
    ["6.6.6.6, 203.0.113.5, 10.0.0.3", "10.0.0.2", 2, "203.0.113.5"],
    [null, "10.0.0.2", 1, "10.0.0.2"],
    ["::ffff:203.0.113.5", "::ffff:10.0.0.2", 1, "203.0.113.5"],
    ["2001:db8::1", "10.0.0.2", 1, "2001:db8::1"],
    ["not-an-address", "10.0.0.2", 1, null],
  ])("X-Forwarded-For %j, peer %s, %i trusted → %s", (xff, peer, hops, expected) => {
    trustPeerHeader();
    expect(clientAddress(request(xff, peer), hops)).toBe(expected);
  });

  it("reads next-auth's plain header object too", () => {
    trustPeerHeader();
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6", [peerHeader]: "198.51.100.7" }, 0)).toBe("198.51.100.7");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6", [peerHeader]: "198.51.100.7" }, 1)).toBe("6.6.6.6");
  });
});

describe("clientAddress where the platform runs Next itself (no peer header of Ponte's)", () => {
  it("ignores a peer header the client sent", () => {
    expect(clientAddress(request("203.0.113.5", "198.51.100.7"), 1)).toBe("203.0.113.5");
    expect(clientAddress(request(null, "198.51.100.7"), 0)).toBeNull();
  });

  it("counts the unseen edge as the first trusted proxy", () => {
    expect(clientAddress(request("6.6.6.6, 203.0.113.5", null), 1)).toBe("203.0.113.5");
    expect(clientAddress(request("203.0.113.5", null), 0)).toBeNull();
  });
});

describe("normaliseAddress", () => {
  it("keeps IP addresses only", () => {
    expect(normaliseAddress(" 10.0.0.1 ")).toBe("10.0.0.1");
    expect(normaliseAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(normaliseAddress("::1")).toBe("::1");
    expect(normaliseAddress("10.0.0.1:443")).toBeNull();
    expect(normaliseAddress("unknown")).toBeNull();
    expect(normaliseAddress(null)).toBeNull();
  });
});
