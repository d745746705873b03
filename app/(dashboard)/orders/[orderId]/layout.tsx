import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth";
import { findVisibleOrder } from "@/lib/data/order-detail";

// Above the page's loading boundary, so that another store's order is a real 404 (see stores/[storeId]).
export default async function OrderLayout({ children, params }: { children: ReactNode; params: Promise<{ orderId: string }> }) {
  const [user, { orderId }] = await Promise.all([requireUser(), params]);
  if (!(await findVisibleOrder(user, orderId))) notFound();
  return children;
}
