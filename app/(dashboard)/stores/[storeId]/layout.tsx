import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { findVisibleStore } from "@/lib/access";
import { requireUser } from "@/lib/auth";

// The visibility check sits above the page's loading boundary, so a store the user may not see answers with
// a real 404 status (not a 200 page that turns into "not found" while streaming).
export default async function StoreLayout({ children, params }: { children: ReactNode; params: Promise<{ storeId: string }> }) {
  const [user, { storeId }] = await Promise.all([requireUser(), params]);
  if (!(await findVisibleStore(user, storeId))) notFound();
  return children;
}
