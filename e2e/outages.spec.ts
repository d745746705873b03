import { expect, test } from "./fixtures";

// What an accountant sees while Vendus is down for one store: a banner on the overview and on the store's
// page, the waiting state in the jobs and orders lists, and the order close to its legal deadline highlighted.
test("an outage shows as a banner, waiting jobs and an at-risk order", async ({ page, signInAs, storeId, sql }) => {
  // Four pages, each read after the seeded rows: slow on a busy machine.
  test.slow();
  const store = await storeId("papelaria-lima");
  const now = Date.now();
  const since = new Date(now - 30 * 60_000);
  const nextCheck = new Date(now + 15 * 60_000);
  const weekAgo = new Date(now - 7 * 24 * 3_600_000);
  const ids = { breaker: "e2e-breaker", outage: "e2e-outage", orders: ["e2e-order-1", "e2e-order-2"] };
  await sql.query(
    `INSERT INTO "ServiceBreaker" (id, service, key, "probeStoreId", "consecutiveFailures", "openedAt", "nextProbeAt", "updatedAt")
     VALUES ($1, 'vendus', 'e2e-key-digest', $2, 3, $3, $4, now())`,
    [ids.breaker, store, since, nextCheck],
  );
  await sql.query(
    `INSERT INTO "Outage" (id, "storeId", reason, "breakerId", "startedAt", "startNotifiedAt") VALUES ($1, $2, 'vendus', $3, $4, $4)`,
    [ids.outage, store, ids.breaker, since],
  );
  for (const [i, orderId] of ids.orders.entries()) {
    const paidAt = i === 0 ? weekAgo : new Date(now - 3_600_000);
    await sql.query(
      `INSERT INTO "Order" (id, "storeId", "jumpsellerId", status, "invoiceState", "customerName", "totalCents", "orderedAt", "paidAt", "updatedAt")
       VALUES ($1, $2, $3, 'paid', 'pending', 'Cliente E2E', 1230, $4, $4, now())`,
      [orderId, store, 990001 + i, paidAt],
    );
    await sql.query(
      `INSERT INTO "Job" (id, "storeId", kind, subject, status, "waitingFor", "atRiskAt", "orderId", "lastErrorKind", "lastErrorMessage", "updatedAt")
       VALUES ($1, $2, 'invoice_order', $3, 'waiting', 'vendus', $4, $5, 'transient', 'Vendus answered HTTP 503', now())`,
      [`e2e-job-${i}`, store, String(990001 + i), i === 0 ? new Date(now) : null, orderId],
    );
  }
  const time = (at: Date) =>
    new Intl.DateTimeFormat("pt-PT", { timeZone: "Europe/Lisbon", hour: "2-digit", minute: "2-digit" }).format(at);
  const sameDay = (at: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Lisbon" }).format(at) ===
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Lisbon" }).format(new Date(now));

  try {
    await signInAs("admin");
    await page.goto("/");
    const banner = page.getByTestId("outage-banner");
    await expect(banner).toContainText("Papelaria Lima:");
    if (sameDay(since) && sameDay(nextCheck)) {
      await expect(banner).toContainText(
        `Vendus indisponível desde ${time(since)} — 2 faturas à espera — próxima verificação ${time(nextCheck)}`,
      );
    }
    await expect(banner).toContainText("faturadas sozinhas, pela ordem de pagamento");

    await page.goto(`/stores/${store}`);
    await expect(page.getByTestId("outage-banner")).toContainText("Vendus indisponível desde");
    await expect(page.getByTestId("outage-banner")).not.toContainText("Papelaria Lima:");

    await page.goto(`/jobs?store=${store}&status=waiting`);
    const atRiskJob = page.getByRole("row").filter({ hasText: "990001" });
    await expect(atRiskJob).toContainText("À espera da Vendus");
    await expect(atRiskJob).toContainText("Em risco");
    await expect(page.getByRole("row").filter({ hasText: "990002" })).not.toContainText("Em risco");

    await page.goto(`/orders?store=${store}`);
    const order = page.getByRole("row").filter({ hasText: "#990001" });
    await expect(order).toContainText("À espera da Vendus");
    await expect(order).toContainText("Em risco");
  } finally {
    await sql.query(`DELETE FROM "Job" WHERE id = ANY($1)`, [["e2e-job-0", "e2e-job-1"]]);
    await sql.query(`DELETE FROM "Order" WHERE id = ANY($1)`, [ids.orders]);
    await sql.query(`DELETE FROM "Outage" WHERE id = $1`, [ids.outage]);
    await sql.query(`DELETE FROM "ServiceBreaker" WHERE id = $1`, [ids.breaker]);
  }
});
