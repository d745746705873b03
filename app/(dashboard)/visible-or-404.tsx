import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/access";
import { requireUser } from "@/lib/auth";

/**
 * A layout that answers a real 404 status when the signed-in user may not see the record named by the route's
 * `param`. It sits above the page's loading boundary: checked inside the page, a record the user may not see
 * would answer a 200 page that turns into "not found" while streaming.
 */
export function visibleOr404<Param extends string>(
  param: Param,
  find: (user: SessionUser, id: string) => Promise<unknown>,
) {
  return async function VisibleOr404Layout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<Record<Param, string>>;
  }) {
    const [user, values] = await Promise.all([requireUser(), params]);
    if (!(await find(user, values[param]))) notFound();
    return children;
  };
}
