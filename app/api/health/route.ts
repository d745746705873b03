// Liveness for load balancers and container health checks: answers without touching the database, so a
// database outage shows up as webhook 503s (which Jumpseller retries), not as a restart loop.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store, no-transform" } });
}
